from .mixins import CLAUSE_PANEL, PlanClauseMixin, PlanSourced
from .pages import SectionPage
from .snippets import County, NamedSnippet, PartnerRegion, Sector

__all__ = [
    "CLAUSE_PANEL",
    "County",
    "NamedSnippet",
    "PartnerRegion",
    "PlanClauseMixin",
    "PlanSourced",
    "SectionPage",
    "Sector",
]
