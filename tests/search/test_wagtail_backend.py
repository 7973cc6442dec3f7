"""The admin's search backend on the real Elasticsearch: both languages, quoted phrases, a
database answer when Elasticsearch is down."""

import pytest
from modelsearch.query import Phrase

from search.wagtail_backend import SearchBackend
from tests.search.conftest import ES_URL
from tourism.models import AttractionPage, RoutePage

pytestmark = pytest.mark.elasticsearch


def backend_at(url, prefix):
    return SearchBackend({"URLS": [url], "INDEX_PREFIX": f"{prefix}-wagtail-"})


@pytest.fixture
def backend(es_client, settings):
    backend = backend_at(ES_URL, settings.SEARCH_INDEX_PREFIX)
    for model in (RoutePage, AttractionPage):
        index = backend.get_index_for_model(model)
        index.add_model(model)
        index.add_items(model, list(model.objects.live()))
        index.refresh()
    return backend


def titles(results):
    return [page.title_en for page in results]


def test_admin_search_finds_english_and_chinese_titles(backend):
    assert "Yellow River route" in titles(backend.search("Yellow River", RoutePage))
    assert "Yellow River route" in titles(backend.search("黄河", RoutePage))
    assert "Yellow River route" in titles(backend.autocomplete("Yellow River", RoutePage))


def test_quoted_phrases_work_in_search_and_autocomplete(backend):
    assert "Yellow River route" in titles(backend.search(Phrase("Yellow River"), RoutePage))
    assert "Yellow River route" in titles(backend.autocomplete(Phrase("Yellow River"), RoutePage))


def test_without_elasticsearch_the_database_answers(db, settings):
    down = backend_at("http://127.0.0.1:9", "unreachable")
    results = down.search("宝泉", AttractionPage)
    assert "Baoquan" in titles(results) and results.count() >= 1
    assert "Baoquan" in titles(down.autocomplete(Phrase("宝泉"), AttractionPage))


def test_admin_page_search_with_quotes_is_not_an_error(client, db, django_user_model):
    admin = django_user_model.objects.create_superuser("searchadmin", "a@example.org", "pw")
    client.force_login(admin)
    for query in ['"Yellow River"', '"黄河" route', "a" * 5000]:
        assert client.get("/admin/pages/search/", {"q": query}).status_code == 200
