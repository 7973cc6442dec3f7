"""Password- and login-restricted pages, and the pages below them, stay out of every public
list: search (Elasticsearch and database), suggestions, news, the opportunity listing and its
exports, the sitemap and API v2. Changing a page's privacy re-indexes its subtree."""

import json

import pytest
from wagtail.models import PageViewRestriction

from cooperation.models import (
    OpportunityIndexPage,
    OpportunityPage,
    ProgrammePage,
    StrategyAreaPage,
)
from core.i18n import page_url_in
from home.models import NewsPage
from plan.clause_pages import clause_page
from search.documents import alias_name
from tests.search.conftest import built_index  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

RESTRICTIONS = [
    {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret"},
    {"restriction_type": PageViewRestriction.LOGIN},
]


def restrict(page, capture, restriction):
    with capture(execute=True):
        return PageViewRestriction.objects.create(page=page, **restriction)


@pytest.fixture
def news():
    return NewsPage.objects.live().order_by("path").first()


@pytest.fixture
def opportunity():
    return OpportunityPage.objects.live().order_by("path").first()


def api_titles(client, text, language="en"):
    response = client.get("/api/search/", {"q": text, "lang": language})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


@pytest.mark.parametrize("restriction", RESTRICTIONS)
def test_restricted_news_is_not_listed_searched_or_suggested(
    client, settings, news, restriction, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""  # the database search and suggestions
    assert news.title_en in api_titles(client, news.title_en)
    restrict(news, django_capture_on_commit_callbacks, restriction)
    index = client.get(news.get_parent().get_url()).content.decode()
    assert news.title_en not in index
    assert news.title_en not in api_titles(client, news.title_en)
    page = client.get("/en/search/", {"q": news.title_en}).content.decode()
    assert f'href="{news.get_url()}"' not in page
    suggested = client.get("/en/search/suggest/", {"q": news.title_en[:6]}).json()
    assert news.title_en not in [s["title"] for s in suggested["suggestions"]]


def listed_ids(client, url):
    return [o.pk for o in client.get(url).context["opportunities"].paginator.object_list]


def streamed(response):
    """The body of an export, which is a StreamingHttpResponse."""
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("restriction", RESTRICTIONS)
def test_restricted_opportunity_is_not_listed_or_exported(
    client, opportunity, restriction, django_capture_on_commit_callbacks
):
    index = OpportunityIndexPage.objects.get()
    url = f"/en/{index.slug_en}/"
    assert opportunity.pk in listed_ids(client, url)
    restrict(opportunity, django_capture_on_commit_callbacks, restriction)
    assert opportunity.pk not in listed_ids(client, url)
    exported = json.loads(streamed(client.get(f"{url}export/json/")))
    assert opportunity.pk not in [record["id"] for record in exported["results"]]
    assert opportunity.title_en not in streamed(client.get(f"{url}export/csv/")).decode()
    assert opportunity.slug_en not in client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"id": opportunity.pk}).json()
    assert api["meta"]["total_count"] == 0


def test_children_of_a_restricted_page_are_hidden_too(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    programme = ProgrammePage.objects.live().order_by("path").first()
    area = programme.get_parent()
    assert programme.title_en in api_titles(client, programme.title_en)
    restrict(area, django_capture_on_commit_callbacks, RESTRICTIONS[1])
    assert programme.title_en not in api_titles(client, programme.title_en)


@pytest.mark.parametrize("restriction", RESTRICTIONS)
def test_restricted_strategy_area_is_not_on_the_home_page(
    client, restriction, django_capture_on_commit_callbacks
):
    area = StrategyAreaPage.objects.live().order_by("chapter").first()
    link = f'href="{page_url_in(area, "en")}"'
    assert link in client.get("/en/").content.decode()
    restrict(area, django_capture_on_commit_callbacks, restriction)
    assert link not in client.get("/en/").content.decode()


def test_a_restricted_page_is_no_clause_link(django_capture_on_commit_callbacks):
    programme = ProgrammePage.objects.live().order_by("path").first()
    clause = (programme.chapter, programme.section)
    assert clause_page(*clause) == (programme, "")
    restrict(programme, django_capture_on_commit_callbacks, RESTRICTIONS[1])
    assert clause_page(*clause) == (None, "")


@pytest.mark.elasticsearch
def test_privacy_change_reindexes_the_subtree(
    built_index,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    programme = ProgrammePage.objects.live().order_by("path").first()
    area = programme.get_parent()

    def indexed(page):
        return built_index.exists(index=alias_name("en"), id=page.pk).body

    assert indexed(area) and indexed(programme)
    restriction = restrict(area, django_capture_on_commit_callbacks, RESTRICTIONS[0])
    assert not indexed(area) and not indexed(programme)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert indexed(area) and indexed(programme)
