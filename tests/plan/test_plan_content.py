"""The plan as content: `load_plan` is idempotent and respects editors; every page is reachable,
bilingual and light."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Page

from plan.plan_loader import CONTENT_DIR, PlanLoader
from plan.schema import read_yaml
from tests.geography import inside_xinxiang

HAN = re.compile(r"[\u3400-\u9fff]")
# 23: the opportunities listing's cold first view also loads the sector-group options, counts
# that facet and reads the "How fast we answer" figure (3 queries more than before).
MAX_QUERIES_PER_PAGE = 23


def load_plan():
    out = StringIO()
    call_command("load_plan", stdout=out)
    return out.getvalue()


def test_second_load_changes_nothing(db):
    pages_before = Page.objects.count()
    output = load_plan()
    assert Page.objects.count() == pages_before
    assert "Plan loaded: 0 created, 0 updated, 0 unpublished." in output


def test_load_reports_progress_and_summary(db):
    records = read_yaml(CONTENT_DIR / "opportunities.yaml")["opportunities"]
    assert f"opportunity: {len(records)} unchanged" in load_plan()


def test_page_edited_by_an_editor_survives_a_reload(db, django_user_model):
    from cooperation.models import OpportunityPage

    editor = django_user_model.objects.create_user("editor-x", password="x")
    page = OpportunityPage.objects.get(plan_key="zhongyuan-nonggu")
    page.title_en = "Edited by an editor"
    # As the page editor saves: the edit is logged with the editor's name.
    page.save_revision(user=editor, log_action=True).publish()
    # Pretend the data file changed, so the loader would otherwise rewrite the page.
    OpportunityPage.objects.filter(pk=page.pk).update(plan_fingerprint="changed")

    load_plan()

    page.refresh_from_db()
    assert page.title_en == "Edited by an editor"


def test_changed_data_updates_a_page_nobody_edited(db):
    from cooperation.models import OpportunityPage

    page = OpportunityPage.objects.get(plan_key="zhongyuan-nonggu")
    OpportunityPage.objects.filter(pk=page.pk).update(plan_fingerprint="stale", title_en="Old")
    stats = PlanLoader(log=lambda message: None).run()
    page.refresh_from_db()
    assert page.title_en != "Old"
    assert stats[("opportunity", "updated")] == 1


def test_snippet_edited_in_admin_survives_a_reload(admin_client):
    from core.models import Sector

    sector = Sector.objects.get(plan_key="biomedicine")
    url = reverse("wagtailsnippets_core_sector:edit", args=[sector.pk])
    data = {"name_zh_hans": sector.name_zh_hans, "name_en": "Edited"}
    assert admin_client.post(url, data).status_code == 302
    # Pretend the data file changed, so the loader would otherwise rewrite the snippet.
    Sector.objects.filter(pk=sector.pk).update(plan_fingerprint="changed")
    load_plan()
    sector.refresh_from_db()
    assert sector.name_en == "Edited"


EXPECTED_INDICATORS = [
    # (order, 2021, 2025, or more)
    (1, Decimal("268"), Decimal("816"), False),
    (2, Decimal("9"), Decimal("15"), False),
    (3, Decimal("747"), Decimal("850"), False),
    (4, Decimal("5"), Decimal("15"), True),
    (5, Decimal("18"), Decimal("38"), True),
    (6, Decimal("0"), Decimal("3"), False),
    (7, None, Decimal("2"), False),
    (8, Decimal("0"), Decimal("1"), False),
    (9, Decimal("26"), Decimal("30"), False),
    (10, Decimal("20"), Decimal("32"), False),
]


def test_all_ten_indicators_with_their_exact_values(db):
    from home.models import Indicator

    rows = [
        (i.order, i.baseline_2021, i.target_2025, i.target_or_more)
        for i in Indicator.objects.order_by("order")
    ]
    assert rows == EXPECTED_INDICATORS
    assert Indicator.objects.get(order=1).name_zh_hans == "高速公路通车里程"
    assert all(i.name_en and i.unit_en for i in Indicator.objects.all())


def test_home_page_shows_indicator_chart_and_table(client, home_page):
    body = client.get("/en/").content.decode()
    assert "<table>" in body
    assert 'class="progress-chart"' in body
    assert "816" in body and "15 or more" in body


def test_routes_have_ordered_stops_inside_xinxiang(db):
    from tourism.models import RoutePage

    routes = RoutePage.objects.live()
    assert {route.plan_key for route in routes} == {"south-taihang", "yellow-river", "grand-canal"}
    for route in routes:
        stops = list(route.stops.order_by("sort_order"))
        assert len(stops) >= 3, route.plan_key
        for stop in stops:
            attraction = stop.attraction
            assert inside_xinxiang(attraction.latitude, attraction.longitude), attraction.plan_key


def translated_fields(model):
    try:
        return translator.get_options_for_model(model).fields
    except NotRegistered:
        return {}


def test_english_is_filled_for_every_page_and_snippet(db):
    from cooperation.models import Organisation
    from core.models import County, PartnerRegion, Sector
    from home.models import Indicator

    problems = []
    objects = [page.specific for page in Page.objects.live().filter(depth__gte=2)]
    for model in (County, PartnerRegion, Sector, Indicator, Organisation):
        objects.extend(model.objects.all())
    for obj in objects:
        for field in ["title", *translated_fields(type(obj))]:
            if not hasattr(obj, f"{field}_zh_hans"):
                continue
            chinese = getattr(obj, f"{field}_zh_hans")
            english = getattr(obj, f"{field}_en")
            if chinese and not english:
                problems.append(f"{obj!r}.{field}: English missing")
            if english and HAN.search(str(english)):
                problems.append(f"{obj!r}.{field}: Chinese characters in English")
    assert not problems, "\n".join(problems[:20])


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href.split("#")[0])


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_is_reachable_from_home_and_light(client, home_page, language):
    """Crawl from the home page following links: every live page is reached, none is over the
    query budget, and the English site never falls back to Chinese titles."""
    prefix = f"/{language}/"
    seen, queue, heavy = set(), [prefix], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        if len(queries) > MAX_QUERIES_PER_PAGE:
            heavy.append((url, len(queries)))
        if "text/html" not in response["Content-Type"]:
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for link in parser.links:
            if link.startswith(prefix) and "?" not in link and link not in seen:
                queue.append(link)
    page_urls = {page.get_url() for page in Page.objects.live().filter(depth__gte=2).specific()}
    with_language = {url.replace("/zh-hans/", prefix, 1) for url in page_urls}
    assert with_language <= seen, sorted(with_language - seen)[:10]
    assert len(with_language) >= 80
    assert not heavy, heavy


def test_every_plan_page_cites_and_links_its_clause(client, home_page):
    from cooperation.models import OpportunityPage, ProgrammePage
    from tourism.models import AttractionPage, RoutePage

    missing = []
    for model in (OpportunityPage, AttractionPage, RoutePage):
        for page in model.objects.live():
            with translation.override("en"):
                url, clause_url = page.url, page.clause_url
            body = client.get(url).content.decode()
            if not page.clause_chapter or f'href="{clause_url}"' not in body:
                missing.append(page.plan_key)
    for programme in ProgrammePage.objects.live():
        body = client.get(programme.url).content.decode()
        if 'href="#text"' not in body or 'id="text"' not in body:
            missing.append(programme.plan_key)
    assert not missing, missing
