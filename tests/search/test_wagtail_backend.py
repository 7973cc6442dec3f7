"""Wagtail's own search (the admin's page, image and document searches, API v2's `?search=`) on
the portal's backend: both languages' titles, quoted phrases, and the database when
Elasticsearch is down."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import client as search_client
from search.client import CircuitBreakerTransport
from tests.search.conftest import reachable_client

pytestmark = pytest.mark.django_db

DOWN = {
    "default": {
        "BACKEND": "search.wagtail_backend",
        "URLS": ["http://127.0.0.1:9"],  # the discard port: nothing listens
        "INDEX_PREFIX": "down-",
        "OPTIONS": {"transport_class": CircuitBreakerTransport},
    }
}


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("search-admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def found_page_ids(response):
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r"/admin/pages/(\d+)/edit/", response.content.decode())}


@pytest.fixture
def wagtail_index(db):
    reachable_client()
    call_command("update_index", stdout=StringIO())


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query", ["Yellow River", '"Yellow River"'])
def test_admin_finds_english_titles_and_phrases(editor_client, wagtail_index, query):
    english = set(
        Page.objects.filter(title_en__icontains="Yellow River").values_list("pk", flat=True)
    )
    found = found_page_ids(editor_client.get("/admin/pages/search/", {"q": query}))
    assert english and found & english


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = DOWN
    yield
    search_client.breaker_for((("127.0.0.1", 9),)).reset()


def test_admin_searches_answer_from_the_database_when_elasticsearch_is_down(
    editor_client, elasticsearch_down
):
    chinese = set(Page.objects.filter(title_zh_hans__contains="黄河").values_list("pk", flat=True))
    assert chinese & found_page_ids(editor_client.get("/admin/pages/search/", {"q": "黄河"}))
    for url in ("/admin/images/", "/admin/documents/"):
        assert editor_client.get(url, {"q": "黄河"}).status_code == 200


def test_api_search_answers_from_the_database_when_elasticsearch_is_down(
    client, elasticsearch_down
):
    response = client.get("/api/v2/pages/", {"search": "黄河"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] > 0


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_search_for_no_word_answers_nothing_when_elasticsearch_is_down(
    client, elasticsearch_down, endpoint
):
    response = client.get(f"/api/v2/{endpoint}/", {"search": " "})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.elasticsearch
@pytest.mark.parametrize(
    "query", ["新乡黄河合作" * 1700, '"新乡黄河合作' + "新乡" * 5000 + '" 黄河']
)
def test_admin_search_with_a_huge_query_is_answered(editor_client, wagtail_index, query):
    assert editor_client.get("/admin/pages/search/", {"q": query}).status_code == 200
