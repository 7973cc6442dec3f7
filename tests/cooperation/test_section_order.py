"""Strategy areas, programmes and an opportunity's related ones list opportunities by title as
the listing does: by the sort keys stored per language (pinyin, no leading quotation marks)."""

import pytest
from django.utils import translation

from cooperation.models import OpportunityPage, ProgrammePage, StrategyAreaPage
from core.sorting import sort_key

pytestmark = pytest.mark.django_db
LANGUAGES = ("zh-hans", "en")


def titles(pages):
    return [page.title for page in pages]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_strategy_area_and_a_programme_list_their_opportunities_in_reading_order(rf, language):
    request = rf.get("/")
    with translation.override(language):
        for model in (StrategyAreaPage, ProgrammePage):
            for page in model.objects.live():
                listed = titles(page.get_context(request)["opportunities"])
                assert listed == sorted(listed, key=sort_key), page.title


def test_code_point_order_would_differ_from_reading_order():
    """The test above means something: in Chinese, some area's opportunities sort differently
    by character code than by pinyin."""
    with translation.override("zh-hans"):
        differing = [
            area
            for area in StrategyAreaPage.objects.live()
            if sorted(titles(OpportunityPage.objects.filter(strategy_area=area)))
            != sorted(titles(OpportunityPage.objects.filter(strategy_area=area)), key=sort_key)
        ]
    assert differing


@pytest.mark.parametrize("language", LANGUAGES)
def test_related_opportunities_are_in_reading_order(language):
    with translation.override(language):
        for page in OpportunityPage.objects.live()[:20]:
            related = titles(page.related_opportunities())
            assert related == sorted(related, key=sort_key), page.title
