"""What the home page leads into: its sections, the strategy areas and the routes."""

from cooperation.models import CooperationIndexPage, OpportunityIndexPage, StrategyAreaPage
from core.public import public
from core.renditions import child_cards
from home.models import AboutPlanPage, IndicatorPage
from tourism.models import RoutePage, TourismIndexPage


def home_sections(home):
    # One query for all sections; the template only needs their URLs, not their specific fields.
    sections = {page.specific_class: page for page in public(home.get_children())}
    cooperation, tourism = sections.get(CooperationIndexPage), sections.get(TourismIndexPage)
    return {
        "areas": child_cards(cooperation, StrategyAreaPage, "chapter") if cooperation else (),
        "routes": child_cards(tourism, RoutePage, "path") if tourism else (),
        "cooperation_index": cooperation,
        "opportunity_index": sections.get(OpportunityIndexPage),
        "tourism_index": tourism,
        "about_page": sections.get(AboutPlanPage),
        "indicator_page": sections.get(IndicatorPage),
    }
