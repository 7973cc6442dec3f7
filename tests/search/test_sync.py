"""Publishing, unpublishing and deleting pages reach the real Elasticsearch via the outbox."""

from io import StringIO

import pytest
from django.core.management import call_command
from elasticsearch.helpers import BulkIndexError

from cooperation.models import ProgrammePage, StrategyAreaPage
from search.documents import alias_name, new_index
from search.indexing import document_counts, rebuild
from search.models import PendingIndexUpdate
from search.registry import LANGUAGES, searchable_models, searchable_pages
from tourism.models import AttractionPage

pytestmark = pytest.mark.elasticsearch


def indexed(client, page):
    return {
        language: client.exists(index=alias_name(language), id=page.pk).body
        for language in LANGUAGES
    }


@pytest.fixture
def baoquan(db):
    return AttractionPage.objects.get(plan_key="baoquan")


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_publish_indexes_the_page_in_both_languages(
    es_client, baoquan, django_capture_on_commit_callbacks
):
    publish(baoquan, django_capture_on_commit_callbacks)
    assert indexed(es_client, baoquan) == {"zh-hans": True, "en": True}
    source = es_client.get(index=alias_name("en"), id=baoquan.pk)["_source"]
    assert source["title"] == "Baoquan" and source["other_title"] == "宝泉"
    assert source["pinyin_exact"] == "baoquan" and source["kind"] == "attraction"
    assert not PendingIndexUpdate.objects.exists()


def test_unpublish_and_delete_remove_the_page(
    es_client, baoquan, django_capture_on_commit_callbacks
):
    publish(baoquan, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        baoquan.unpublish()
    assert indexed(es_client, baoquan) == {"zh-hans": False, "en": False}
    publish(baoquan, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        baoquan.delete()
    assert indexed(es_client, baoquan) == {"zh-hans": False, "en": False}


def test_updates_wait_in_the_outbox_while_elasticsearch_is_down(
    es_client, settings, baoquan, django_capture_on_commit_callbacks
):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    publish(baoquan, django_capture_on_commit_callbacks)  # must not raise
    pending = PendingIndexUpdate.objects.get(page_id=baoquan.pk)
    assert pending.attempts == 1 and pending.last_error

    settings.ELASTICSEARCH_URL = real_url
    out = StringIO()
    call_command("search_index", "sync", stdout=out)
    assert "0 updates still pending" in out.getvalue()
    assert indexed(es_client, baoquan) == {"zh-hans": True, "en": True}


def test_rebuild_swaps_the_alias_to_a_new_index_and_drops_the_old(es_client, db):
    first = rebuild(es_client, out=StringIO())
    second = rebuild(es_client, out=StringIO())
    expected = sum(searchable_pages(model).count() for model in searchable_models())
    for language in LANGUAGES:
        alias = alias_name(language)
        assert list(es_client.indices.get_alias(name=alias)) == [second[language]]
        assert not es_client.indices.exists(index=first[language])
        assert es_client.count(index=alias)["count"] == expected


def status():
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    return out.getvalue().splitlines()


def test_status_reports_documents_and_pending_updates(es_client, db):
    assert status() == [
        "zh-hans: no index yet",
        "en: no index yet",
        "pending updates: 0",
        "orphan indices: 0",
    ]
    rebuild(es_client, out=StringIO())
    expected = sum(searchable_pages(model).count() for model in searchable_models())
    assert status() == [
        f"zh-hans: {expected} documents",
        f"en: {expected} documents",
        "pending updates: 0",
        "orphan indices: 0",
    ]


def test_a_slug_change_reindexes_the_descendants(es_client, db, django_capture_on_commit_callbacks):
    rebuild(es_client, out=StringIO())
    area = StrategyAreaPage.objects.get(plan_key="yellow-river")
    child = ProgrammePage.objects.child_of(area).first()
    area.slug = "yellow-river-renamed"
    with django_capture_on_commit_callbacks(execute=True):
        area.save_revision().publish()
    urls = [
        es_client.get(index=alias_name(lang), id=child.pk)["_source"]["url"] for lang in LANGUAGES
    ]
    assert any("/yellow-river-renamed/" in url for url in urls), urls


def test_a_failed_rebuild_deletes_the_indices_it_created(es_client, db):
    rebuild(es_client, out=StringIO())
    before = set(es_client.indices.get(index="*").body)
    broken = {"zh-hans": [(1, {"date": "not a date"})], "en": []}
    with pytest.raises(BulkIndexError):
        rebuild(es_client, out=StringIO(), documents=broken)
    assert set(es_client.indices.get(index="*").body) == before


def test_status_lists_orphan_indices_and_prune_removes_them(es_client, db):
    rebuild(es_client, out=StringIO())
    orphan = new_index("en")
    orphan.create(using=es_client)
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "orphan indices: 1" in out.getvalue() and orphan._name in out.getvalue()
    call_command("search_index", "prune", stdout=StringIO())
    assert not es_client.indices.exists(index=orphan._name)
    assert document_counts(es_client)["en"] > 0


def test_an_index_built_under_another_schema_is_rebuilt_if_outdated(es_client, db):
    rebuild(es_client, out=StringIO())
    out = StringIO()
    call_command("search_index", "rebuild", "--if-outdated", stdout=out)
    assert out.getvalue() == "The indices are up to date: nothing to rebuild.\n"
    # An index as a release with another mapping or document format left it.
    alias = alias_name("en")
    es_client.indices.put_mapping(index=alias, meta={"schema": "an-older-one"})
    assert "outdated schema: en (run `search_index rebuild`)" in status()
    old = list(es_client.indices.get_alias(name=alias))
    call_command("search_index", "rebuild", "--if-outdated", stdout=StringIO())
    assert list(es_client.indices.get_alias(name=alias)) != old
    assert "outdated schema" not in "\n".join(status())
    assert document_counts(es_client)["en"] > 0
