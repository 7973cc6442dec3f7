from .pages import (
    CooperationIndexPage,
    OpportunityIndexPage,
    OpportunityPage,
    ProgrammePage,
    StrategyAreaPage,
)
from .snippets import Organisation

__all__ = [
    "CooperationIndexPage",
    "OpportunityIndexPage",
    "OpportunityPage",
    "Organisation",
    "ProgrammePage",
    "StrategyAreaPage",
]
