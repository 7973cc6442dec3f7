"""Shared fixtures, and which tests need the whole plan.

The plan is loaded with the real `load_plan` command by the session fixture `plan`, the first
time a test needs it; each test runs in a transaction that is rolled back, so every test sees the
same content. A test that touches the database gets `plan` and the `slow` marker automatically,
unless it is marked `without_plan`: it then builds the few objects it needs with
`tests/factories.py`. `pytest -m "not slow"` runs only the tests that need no plan (no database,
or factories), without loading it. In a full session those run first, before the plan is loaded,
so they always see the database as the migrations left it.

Do not use `django_db(transaction=True)`: it empties every table after the test, and the tests
after it would find no content. Use `django_capture_on_commit_callbacks(execute=True)` to run
on-commit hooks instead.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

# Markers whose tests are slow whatever they use: a browser, or the whole production topology.
SLOW_MARKERS = ("browser", "production")


@pytest.fixture(scope="session")
def plan(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_plan", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """A session that loads no plan has a test database of its own, so one kept with
    `--reuse-db` (`make test-fast`) is never one a full session filled with the plan."""
    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"] or "plan" in request.session.items[-1].fixturenames:
        return  # SQLite tests run in memory; the items are sorted, a plan session ends on one
    test = database.setdefault("TEST", {})
    test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_without_plan"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    yield
    delete_test_indices()


def delete_test_indices():
    """Published pages are indexed under the test prefix: remove them."""
    if not settings.ELASTICSEARCH_URL:
        return
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10, max_retries=0)
    client.indices.delete(
        index=f"{settings.SEARCH_INDEX_PREFIX}*", ignore_unavailable=True, allow_no_indices=True
    )


def needs_plan(item):
    if item.get_closest_marker("without_plan"):
        return False
    return "django_db_setup" in item.fixturenames or bool(item.get_closest_marker("django_db"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(items):
    """Before `-m` selects, give the plan to the tests that need it and mark them slow; after
    every other plugin has ordered the tests, move those behind the rest (a stable sort)."""
    for item in items:
        if needs_plan(item) and "plan" not in item.fixturenames:
            # First, so the plan is loaded before the test's transaction begins.
            item.fixturenames.insert(0, "plan")
        if "plan" in item.fixturenames or any(map(item.get_closest_marker, SLOW_MARKERS)):
            item.add_marker(pytest.mark.slow)
    yield
    items.sort(key=lambda item: "plan" in item.fixturenames)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached fragments, validators or counters of earlier tests."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def built_home(db):
    """The home page and the default site, built without the plan (tests/factories.py)."""
    from tests import factories

    return factories.home()


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()
