"""Shared fixtures. The plan is loaded once per test session with the real `load_plan` command;
each test runs in a transaction that is rolled back, so every test sees the same content.

Do not use `django_db(transaction=True)`: it empties every table after the test, and the tests
after it would find no content. Use `django_capture_on_commit_callbacks(execute=True)` to run
on-commit hooks instead.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_plan", stdout=StringIO())
    yield
    delete_test_indices()


def delete_test_indices():
    """Loading the plan publishes pages, which indexes them under the test prefix: remove them."""
    if not settings.ELASTICSEARCH_URL:
        return
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10, max_retries=0)
    client.indices.delete(
        index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True, allow_no_indices=True
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached fragments, validators or counters of earlier tests."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()
