from .images import HERO_TRANSLATED_FIELDS, IMAGES_PANEL, PageImages
from .mixins import CLAUSE_PANEL, PlanClauseMixin, PlanSourced
from .pages import SectionPage, page_search_fields
from .snippets import County, NamedSnippet, PartnerRegion, Sector

__all__ = [
    "CLAUSE_PANEL",
    "County",
    "HERO_TRANSLATED_FIELDS",
    "IMAGES_PANEL",
    "NamedSnippet",
    "PageImages",
    "PartnerRegion",
    "PlanClauseMixin",
    "PlanSourced",
    "SectionPage",
    "Sector",
    "page_search_fields",
]
