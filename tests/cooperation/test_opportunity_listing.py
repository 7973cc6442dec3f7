"""The opportunities listing: combined filters with counts, sorting, paging, bad input, exports."""

import csv
import io
import json

import pytest
from django.db.models import Count

from cooperation.exports import COLUMNS
from cooperation.models import OpportunityIndexPage, OpportunityPage, StrategyAreaPage
from core.models import County, PartnerRegion, Sector
from tests.hostile_inputs import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_url():
    index = OpportunityIndexPage.objects.get()
    return f"/en/{index.slug_en}/"


@pytest.fixture
def busiest():
    """The strategy area with most opportunities, and its most common sector."""
    area = StrategyAreaPage.objects.annotate(n=Count("opportunities")).order_by("-n", "pk").first()
    sector = (
        Sector.objects.filter(opportunitypage__strategy_area=area)
        .annotate(n=Count("opportunitypage"))
        .order_by("-n", "pk")
        .first()
    )
    return area, sector


def result_titles(response):
    return [opportunity.title for opportunity in response.context["opportunities"]]


def facet(response, param):
    return next(f for f in response.context["listing"].facets if f.param == param)


def test_listing_linked_from_the_home_page(client, index_url):
    assert f'href="{index_url}"' in client.get("/en/").content.decode()


def test_filters_combine_and_match_the_database(client, index_url, busiest):
    area, sector = busiest
    expected = OpportunityPage.objects.live().filter(strategy_area=area, sectors=sector)
    response = client.get(
        index_url, {"area": area.plan_key, "sector": sector.plan_key, "sort": "title"}
    )
    assert response.status_code == 200
    assert response.context["opportunities"].paginator.count == expected.count() > 0
    assert sorted(result_titles(response)) == sorted(o.title_en for o in expected)[:12]


def test_counts_apply_the_other_filters(client, index_url, busiest):
    area, sector = busiest
    response = client.get(index_url, {"area": area.plan_key, "sector": sector.plan_key})
    in_area = OpportunityPage.objects.live().filter(strategy_area=area)
    # Sector counts: opportunities of the chosen area with each sector.
    sector_counts = {c["value"]: c["count"] for c in facet(response, "sector").choices()}
    for other in Sector.objects.all():
        # Options without results are not offered.
        assert sector_counts.get(other.plan_key, 0) == in_area.filter(sectors=other).count()
    # Area counts: opportunities with the chosen sector in each area.
    area_counts = {c["value"]: c["count"] for c in facet(response, "area").choices()}
    with_sector = OpportunityPage.objects.live().filter(sectors=sector)
    assert area_counts[area.plan_key] == with_sector.filter(strategy_area=area).count()
    # Stage counts: the full current result set split by stage.
    both = with_sector.filter(strategy_area=area)
    stage_counts = {c["value"]: c["count"] for c in facet(response, "stage").choices()}
    for stage, _label in OpportunityPage.Stage.choices:
        assert stage_counts.get(stage, 0) == both.filter(stage=stage).count()


def test_options_within_a_facet_are_alternatives(client, index_url):
    first, second = County.objects.filter(opportunitypage__isnull=False).distinct()[:2]
    response = client.get(index_url, {"county": [first.plan_key, second.plan_key]})
    expected = OpportunityPage.objects.live().filter(counties__in=[first, second]).distinct()
    assert response.context["opportunities"].paginator.count == expected.count()


def test_the_filter_is_in_the_url_and_the_form_shows_it(client, index_url, busiest):
    area, sector = busiest
    body = client.get(index_url, {"area": area.plan_key, "kind": "project"}).content.decode()
    key = area.plan_key
    assert f'name="area" value="{key}" id="filter-area-{key}" checked' in body
    assert 'value="project" id="filter-kind-project" checked' in body
    assert f"export/csv/?area={key}&amp;kind=project" in body
    assert '<form class="opportunity-filters" method="get"' in body
    assert "<legend>Sector</legend>" in body


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_malformed_parameters_are_ignored(client, index_url, query):
    response = client.get(index_url, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not response.context["listing"].active
    assert (
        response.context["opportunities"].paginator.count == OpportunityPage.objects.live().count()
    )


def test_out_of_range_page_shows_the_last_page(client, index_url):
    response = client.get(index_url, {"page": "999"})
    page = response.context["opportunities"]
    assert page.number == page.paginator.num_pages > 1


def test_sorting_by_stage_and_by_area(client, index_url):
    stages = [o.stage for o in client.get(index_url, {"sort": "stage"}).context["opportunities"]]
    order = [value for value, _label in OpportunityPage.Stage.choices]
    assert [order.index(s) for s in stages] == sorted(order.index(s) for s in stages)
    response = client.get(index_url, {"sort": "area"})
    chapters = [o.strategy_area.chapter for o in response.context["opportunities"]]
    assert chapters == sorted(chapters)


def test_exports_are_advertised_in_head_and_linked(client, index_url):
    body = client.get(index_url, {"kind": "park"}).content.decode()
    head = body.split("</head>")[0]
    assert f'<link rel="alternate" type="text/csv" href="{index_url}export/csv/?kind=park"' in head
    assert f'type="application/json" href="{index_url}export/json/?kind=park"' in head
    assert f'href="{index_url}export/csv/?kind=park"' in body.split("</head>")[1]


def test_csv_export_of_the_current_filter(client, index_url, busiest):
    area, _sector = busiest
    response = client.get(f"{index_url}export/csv/", {"area": area.plan_key})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    expected = OpportunityPage.objects.live().filter(strategy_area=area)
    assert sorted(row[1] for row in rows[1:]) == sorted(o.title_en for o in expected)


def test_json_export_in_chinese(client, busiest):
    area, _sector = busiest
    index = OpportunityIndexPage.objects.get()
    response = client.get(f"/zh-hans/{index.slug_zh_hans}/export/json/", {"area": area.plan_key})
    data = json.loads(b"".join(response.streaming_content))
    expected = OpportunityPage.objects.live().filter(strategy_area=area)
    assert data["count"] == expected.count() == len(data["results"])
    assert {r["title"] for r in data["results"]} == {o.title_zh_hans for o in expected}
    assert f"/zh-hans/{index.slug_zh_hans}/" in data["results"][0]["url"]


def test_listing_query_budget_with_every_filter(
    client, index_url, busiest, django_assert_max_num_queries
):
    area, sector = busiest
    county = County.objects.first()
    query = {
        "group": "advanced-manufacturing",
        "area": area.plan_key,
        "sector": sector.plan_key,
        "county": county.plan_key,
        "region": PartnerRegion.objects.first().plan_key,
        "kind": "project",
        "stage": "operating",
        "sort": "stage",
    }
    # 20 before the sector-group facet (its options, its counts) and the response-time figure;
    # 24 with every filter, the group filter being one more subquery-filtered count.
    with django_assert_max_num_queries(24):
        assert client.get(index_url, query).status_code == 200
    with django_assert_max_num_queries(23):
        assert client.get(index_url).status_code == 200


def test_api_serves_opportunities(client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "cooperation.OpportunityPage", "fields": "summary_en,kind,stage,sectors"},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == OpportunityPage.objects.live().count()
    first = data["items"][0]
    assert {"summary_en", "kind", "stage", "sectors"} <= set(first)


def test_pager_shows_a_window_of_page_numbers(client, index_url):
    response = client.get(index_url)
    last = response.context["opportunities"].paginator.num_pages
    assert last > 6  # enough pages for the window to leave some out
    pager = response.content.decode().split('<nav class="pagination"')[1].split("</nav>")[0]
    assert 'href="?page=2"' in pager and f'href="?page={last}"' in pager
    assert f'href="?page={last - 1}"' not in pager
    assert "…" in pager


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_exports_stream_without_a_query_per_row(
    client, index_url, kind, django_assert_max_num_queries
):
    client.get(index_url)  # as on a running site, Wagtail's site-root cache is filled
    with django_assert_max_num_queries(15):
        response = client.get(f"{index_url}export/{kind}/")
        assert response.streaming
        content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.count(index_url) == OpportunityPage.objects.live().count() > 50
