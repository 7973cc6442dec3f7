from .enquiries import Enquiry
from .pages import (
    CooperationIndexPage,
    OpportunityIndexPage,
    OpportunityPage,
    ProgrammePage,
    StrategyAreaPage,
)
from .sector_groups import SectorGroup
from .snippets import Organisation

__all__ = [
    "CooperationIndexPage",
    "Enquiry",
    "OpportunityIndexPage",
    "OpportunityPage",
    "Organisation",
    "ProgrammePage",
    "SectorGroup",
    "StrategyAreaPage",
]
