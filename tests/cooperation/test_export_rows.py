"""The exports read value rows, not pages: each record says what the page itself says in the
export's language (fallbacks, snippet names in their order, the clause) and links to it."""

import json

import pytest
from django.utils import translation

from cooperation.models import OpportunityPage
from core.models import County, PartnerRegion, Sector
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_plan]


@pytest.fixture
def opportunities(built_home):
    area = factories.strategy_area(built_home)
    # Created against the order of their names, which the export lists them in.
    sectors = [
        Sector.objects.create(**factories.both("name", name_zh_hans, name_en))
        for name_zh_hans, name_en in [("新材料", "New materials"), ("生物医药", "Biomedicine")]
    ]
    county = County.objects.create(**factories.both("name", "封丘县", "Fengqiu"), kind="county")
    region = PartnerRegion.objects.create(**factories.both("name", "深圳", "Shenzhen"))
    named = factories.opportunity(
        built_home, slug="named", area=area, clause_chapter=3, clause_section=2
    )
    named.sectors.set(sectors)
    named.counties.set([county])
    named.regions.set([region])
    named.save_revision().publish()
    # No English title or summary: English shows the Chinese.
    untranslated = factories.opportunity(built_home, slug="untranslated", area=area)
    untranslated.title_en = untranslated.summary_en = ""
    untranslated.save_revision().publish()
    return [named, untranslated]


def expected_record(page, language):
    """What the page's own fields say, read as the listing and the page read them."""
    page = OpportunityPage.objects.get(pk=page.pk)
    with translation.override(language):
        return {
            "id": page.pk,
            "title": page.title,
            "url": f"http://testserver{page.url}",
            "summary": page.summary,
            "kind": page.kind,
            "stage": page.stage,
            "strategy_area": page.strategy_area.short_title,
            "sectors": [str(sector) for sector in page.sectors.all()],
            "counties": [str(county) for county in page.counties.all()],
            "partner_regions": [str(region) for region in page.regions.all()],
            "plan_clause": str(page.clause_label or ""),
        }


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_json_records_say_what_the_pages_say(client, opportunities, language):
    index = opportunities[0].get_parent()
    slug = index.slug_en if language == "en" else index.slug_zh_hans
    response = client.get(f"/{language}/{slug}/export/json/")
    data = json.loads(b"".join(response.streaming_content))
    assert data["results"] == [expected_record(page, language) for page in opportunities]
    named, untranslated = data["results"]
    if language == "en":
        assert named["sectors"] == ["Biomedicine", "New materials"]
        assert named["plan_clause"] == "Chapter 3, Section 2"
        assert untranslated["title"] == "机会 untranslated"
