from .enquiries import Enquiry, EnquiryRoute
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
    "EnquiryRoute",
    "OpportunityIndexPage",
    "OpportunityPage",
    "Organisation",
    "ProgrammePage",
    "SectorGroup",
    "StrategyAreaPage",
]
