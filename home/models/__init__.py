from .pages import AboutPlanPage, HomePage, IndicatorPage, NewsIndexPage, NewsPage
from .snippets import Indicator, IndicatorActual

__all__ = [
    "AboutPlanPage",
    "HomePage",
    "Indicator",
    "IndicatorActual",
    "IndicatorPage",
    "NewsIndexPage",
    "NewsPage",
]
