"""Elasticsearch down or frozen: searches answer from the database within about a second, and
after repeated failures the circuit breaker skips Elasticsearch for a cool-down period."""

import os
import signal
import time
from contextlib import contextmanager

import pytest
from django.conf import settings

from search import client as search_client
from tests.search.conftest import ES_URL, reachable_client

pytestmark = pytest.mark.django_db

PIDFILE = settings.BASE_DIR / ".services" / "elasticsearch-data" / "elasticsearch.pid"


def breaker():
    return search_client.get_client().transport.breaker


@pytest.fixture
def closed_port(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # the discard port: nothing listens
    breaker().reset()  # other tests' failures on this port must not count here
    yield
    breaker().reset()


def timed_search(client):
    started = time.monotonic()
    response = client.get("/api/search/", {"q": "黄河", "lang": "zh-hans"})
    assert response.status_code == 200
    return time.monotonic() - started, response.json()


def test_unreachable_elasticsearch_opens_the_breaker(client, closed_port):
    assert search_client.elasticsearch_usable()
    for _attempt in range(search_client.FAILURE_THRESHOLD):
        _seconds, found = timed_search(client)
        assert found["complete"] is False and found["total"] > 0  # answered by the database
    assert not search_client.elasticsearch_usable()
    assert breaker().is_open()


def test_breaker_closes_after_the_cool_down(client, closed_port, monkeypatch):
    for _attempt in range(search_client.FAILURE_THRESHOLD):
        timed_search(client)
    assert not search_client.elasticsearch_usable()
    later = time.monotonic() + search_client.COOL_DOWN + 1
    monkeypatch.setattr(search_client.time, "monotonic", lambda: later)
    assert search_client.elasticsearch_usable()


def test_a_failed_trial_after_the_cool_down_opens_the_breaker_at_once(
    client, closed_port, monkeypatch
):
    for _attempt in range(search_client.FAILURE_THRESHOLD):
        timed_search(client)
    now = time.monotonic() + search_client.COOL_DOWN + 1
    monkeypatch.setattr(search_client.time, "monotonic", lambda: now)
    assert search_client.elasticsearch_usable()
    timed_search(client)  # the trial: one refused connection, not FAILURE_THRESHOLD
    assert breaker().is_open()


@contextmanager
def frozen_elasticsearch():
    """SIGSTOP the test Elasticsearch: connections are accepted, nothing is answered."""
    if not PIDFILE.exists():
        message = f"no Elasticsearch started by scripts/with-services.sh ({PIDFILE})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    pid = int(PIDFILE.read_text())
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


@pytest.mark.elasticsearch
def test_frozen_elasticsearch_costs_one_timeout_then_nothing(client, settings):
    reachable_client()
    settings.ELASTICSEARCH_URL = ES_URL
    try:
        with frozen_elasticsearch():
            # Before: each search waited the 3 s request timeout, with no end; then one timeout
            # per call until FAILURE_THRESHOLD of them (a search page makes several calls).
            seconds, found = timed_search(client)
            assert found["complete"] is False
            assert seconds < search_client.SEARCH_TIMEOUT + 1
            assert breaker().is_open()  # after one timeout
            seconds, found = timed_search(client)
            assert found["complete"] is False
            assert seconds < 1
    finally:
        breaker().reset()


@pytest.mark.elasticsearch
@pytest.mark.parametrize("path", ["/api/v2/pages/?search=黄河", "/admin/pages/search/?q=黄河"])
def test_frozen_elasticsearch_costs_wagtails_searches_a_second_or_two(client, path, admin_user):
    """API v2 and the admin count, then search: both wait the short search timeout (the count
    waited the 30 s request timeout before), and then the database answers."""
    reachable_client()
    client.force_login(admin_user)
    try:
        with frozen_elasticsearch():
            for _attempt in range(2):
                started = time.monotonic()
                response = client.get(path)
                assert response.status_code == 200
                assert time.monotonic() - started < 2 * search_client.SEARCH_TIMEOUT + 1.5
    finally:
        breaker().reset()
