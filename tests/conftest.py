"""Shared fixtures, and which tests need the whole plan.

The plan is loaded with the real `load_plan` command by the session fixture `plan`, the first
time a test needs it; each test runs in a transaction that is rolled back, so every test sees the
same content. A test that touches the database gets `plan` and the `slow` marker automatically,
unless it is marked `without_plan`: it then builds the few objects it needs with
`tests/factories.py`. `pytest -m "not slow"` runs only the tests that need no plan (no database,
or factories), without loading it. In a full session the `without_plan` tests run first, before
the plan is loaded, so they always see the database as the migrations left it.

Do not use `django_db(transaction=True)`: it empties every table after the test, and the tests
after it would find no content. Use `django_capture_on_commit_callbacks(execute=True)` to run
on-commit hooks instead.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

# Markers whose tests are slow whatever they use: a browser, or the whole production topology.
SLOW_MARKERS = ("browser", "production")


@pytest.fixture(scope="session")
def plan(django_db_setup, django_db_blocker):
    """The whole plan, committed: every test's transaction starts from it. Loaded as at the
    start of a session, whatever the tests before it left behind: in the default language (a
    page's draft title is saved in the active one) and with an empty cache. Without share cards
    (some 6 s): tests/previews/test_share_cards.py runs a load that makes them."""
    from django.core.cache import cache

    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
        cache.clear()
        call_command("load_plan", "--no-share-cards", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """A session that loads no plan has a test database of its own, so one kept with
    `--reuse-db` (`make test-fast`) is never one a full session filled with the plan."""
    database = settings.DATABASES["default"]
    loads_plan = any("plan" in item.fixturenames for item in request.session.items)
    if loads_plan or "sqlite" in database["ENGINE"]:  # SQLite's test database lives in memory
        return
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
    """Whether the test uses the database, by a fixture or the `django_db` marker (whose `db`
    fixture pytest-django requests only while the test runs)."""
    if item.get_closest_marker("without_plan"):
        return False
    return "django_db_setup" in item.fixturenames or bool(item.get_closest_marker("django_db"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(items):
    """Before `-m` selects, give the plan to the tests that need it and mark them slow; after
    every other plugin has ordered the tests, move the `without_plan` ones to the front."""
    for item in items:
        if needs_plan(item) and "plan" not in item.fixturenames:
            # First, so the plan is loaded before the test's transaction begins.
            item.fixturenames.insert(0, "plan")
        if "plan" in item.fixturenames or any(map(item.get_closest_marker, SLOW_MARKERS)):
            item.add_marker(pytest.mark.slow)
    yield
    items.sort(key=lambda item: item.get_closest_marker("without_plan") is None)  # stable


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
