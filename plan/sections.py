"""What the home page leads into: its sections, the strategy areas and the routes."""

from cooperation.models import CooperationIndexPage, OpportunityIndexPage, StrategyAreaPage
from core.public import public
from core.renditions import card_images
from home.models import AboutPlanPage, IndicatorPage
from tourism.models import RoutePage, TourismIndexPage


def home_sections(home):
    # One query for all sections; the template only needs their URLs, not their specific fields.
    sections = {page.specific_class: page for page in public(home.get_children())}
    return {
        "areas": public(StrategyAreaPage.objects)
        .prefetch_related(card_images())
        .order_by("chapter"),
        "routes": public(RoutePage.objects).prefetch_related(card_images()).order_by("path"),
        "cooperation_index": sections.get(CooperationIndexPage),
        "opportunity_index": sections.get(OpportunityIndexPage),
        "tourism_index": sections.get(TourismIndexPage),
        "about_page": sections.get(AboutPlanPage),
        "indicator_page": sections.get(IndicatorPage),
    }
