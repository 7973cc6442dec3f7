"""What the home page leads into: strategy areas, featured opportunities and routes."""

from cooperation.models import CooperationIndexPage, OpportunityIndexPage, StrategyAreaPage
from home.models import AboutPlanPage, IndicatorPage
from tourism.models import RoutePage, TourismIndexPage


def home_sections(home):
    return {
        "areas": StrategyAreaPage.objects.live().order_by("chapter"),
        "routes": RoutePage.objects.live().order_by("path"),
        "cooperation_index": CooperationIndexPage.objects.live().first(),
        "opportunity_index": OpportunityIndexPage.objects.live().first(),
        "tourism_index": TourismIndexPage.objects.live().first(),
        "about_page": AboutPlanPage.objects.live().first(),
        "indicator_page": IndicatorPage.objects.live().first(),
    }
