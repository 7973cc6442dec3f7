from .mixins import CLAUSE_PANEL, PlanClauseMixin, PlanSourced
from .pages import AboutPlanPage, HomePage, IndicatorPage, NewsIndexPage, NewsPage, SectionPage
from .snippets import County, Indicator, IndicatorActual, PartnerRegion, Sector
from .workflow import TranslationCheckTask

__all__ = [
    "CLAUSE_PANEL",
    "AboutPlanPage",
    "County",
    "HomePage",
    "Indicator",
    "IndicatorActual",
    "IndicatorPage",
    "NewsIndexPage",
    "NewsPage",
    "PartnerRegion",
    "PlanClauseMixin",
    "PlanSourced",
    "SectionPage",
    "Sector",
    "TranslationCheckTask",
]
