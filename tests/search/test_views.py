"""The search page and JSON API on the real index, their database fallback, and bad input."""

import json

import pytest

pytestmark = pytest.mark.elasticsearch

HOSTILE = [
    "<script>alert(1)</script>",
    '"(黄河:*\\',
    "a" * 10_000,
    "title:黄河 OR body:*",
    "(((",
    "\\",
]


@pytest.fixture
def indexed_site(built_index, settings, db):
    return built_index


def api(client, **params):
    response = client.get("/api/search/", params)
    return response.status_code, json.loads(response.content)


def test_api_finds_pages_with_facets_and_highlighted_snippets(indexed_site, client):
    status, data = api(client, q="农谷", lang="zh-hans")
    assert status == 200 and data["complete"] is True
    assert data["results"][0]["title"] == "中原农谷"
    assert any("<mark>农谷</mark>" in r["snippet"] for r in data["results"])
    assert {"kind", "strategy_area", "county", "sector"} <= set(data["facets"])


def test_facet_filters_combine_with_the_query(indexed_site, client):
    _status, everything = api(client, q="黄河", lang="zh-hans")
    _status, routes = api(client, q="黄河", lang="zh-hans", kind="route")
    assert 0 < routes["total"] < everything["total"]
    assert {r["kind"] for r in routes["results"]} == {"route"}
    area = everything["facets"]["strategy_area"][0]["value"]
    _status, in_area = api(client, q="黄河", lang="zh-hans", strategy_area=area)
    assert in_area["total"] == everything["facets"]["strategy_area"][0]["count"]


def test_search_page_shows_results_facets_and_pagination(
    indexed_site, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = client.get("/en/search/", {"q": "river"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in html and 'rel="next"' in html and "Refine results" in html
    assert "less complete" not in html


def test_search_pages_use_the_site_pager_and_keep_the_filters(indexed_site, client):
    response = client.get("/en/search/", {"q": "river", "kind": "opportunity", "page": 2})
    html = response.content.decode()
    assert response.status_code == 200
    # templates/includes/pagination.html, as on every paginated list
    assert '<nav class="pagination" aria-label="Pages of results">' in html
    assert '<a href="?q=river&amp;kind=opportunity&amp;page=2" aria-current="page">2</a>' in html
    assert '<a href="?q=river&amp;kind=opportunity&amp;page=1" rel="prev">' in html


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_escaped_page(indexed_site, client, query):
    for url in ("/zh-hans/search/", "/en/search/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()
    status, _data = api(client, q=query, lang="en")
    assert status == 200


@pytest.mark.parametrize(
    "params", [{"q": "x", "page": "abc"}, {"q": "x", "lang": "xx"}, {"q": "x", "kind": "<b>"}]
)
def test_bad_parameters_are_a_400_with_a_json_error(client, db, params):
    status, data = api(client, **params)
    assert status == 400 and "error" in data


def test_bad_parameters_on_the_page_are_a_clear_400(client, db):
    response = client.get("/en/search/", {"q": "river", "page": "abc"})
    assert response.status_code == 400 and "not valid" in response.content.decode()


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:9"])
def test_without_elasticsearch_search_answers_from_the_database(client, settings, db, url):
    settings.ELASTICSEARCH_URL = url
    response = client.get("/zh-hans/search/", {"q": "农谷"})
    html = response.content.decode()
    assert response.status_code == 200 and "中原农谷" in html and "<mark>农谷</mark>" in html
    assert "可能不够完整" in html or "less complete" in html
    status, data = api(client, q="Agricultural Valley", lang="en")
    assert status == 200 and data["complete"] is False and data["total"] >= 1


def test_empty_search_suggests_sections_and_terms(client, db):
    response = client.get("/en/search/", {"q": "qqqzzzxxx"})
    html = response.content.decode()
    assert "Nothing matched" in html and "Popular sections and searches" in html


def test_suggestions_complete_titles(indexed_site, client):
    data = json.loads(client.get("/zh-hans/search/suggest/", {"q": "万仙"}).content)
    assert "万仙山" in [s["title"] for s in data["suggestions"]]
    data = json.loads(client.get("/en/search/suggest/", {"q": "wanxian"}).content)
    assert data["suggestions"]


def test_database_fallback_offers_the_same_facets_and_they_filter(client, settings, db):
    settings.ELASTICSEARCH_URL = ""
    status, data = api(client, q="Park", lang="en")
    assert status == 200 and set(data["facets"]) == {"kind", "strategy_area", "county", "sector"}
    assert sum(bucket["count"] for bucket in data["facets"]["kind"]) == data["total"]
    county = data["facets"]["county"][-1]
    status, filtered = api(client, q="Park", lang="en", county=county["value"])
    assert status == 200 and filtered["total"] == county["count"] < data["total"]
    assert county["value"] in [bucket["value"] for bucket in filtered["facets"]["county"]]


def test_facet_labels_are_read_once_and_follow_an_edit(db, django_assert_num_queries):
    from core.content_version import bump_content_version
    from core.models import County
    from search.registry import facet_labels

    county = County.objects.order_by("pk").first()
    assert facet_labels("en")["county"][county.plan_key] == county.name_en
    with django_assert_num_queries(0):
        facet_labels("en")
    county.name_en = "Renamed county"
    county.save()
    bump_content_version()  # what any snippet edit in the admin does
    assert facet_labels("en")["county"][county.plan_key] == "Renamed county"
