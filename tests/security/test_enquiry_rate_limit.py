"""Enquiry rate limit: valid enquiries per real visitor, counted atomically in a shared cache."""

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from cooperation import enquiries
from cooperation.models import Enquiry, OpportunityPage
from tests.cooperation.test_opportunity_page import ENQUIRY

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity_url():
    """Where an opportunity page's enquiry form posts (cooperation.views.send_enquiry)."""
    page = OpportunityPage.objects.live().first()
    return f"/en/enquiry/{page.pk}/"


def six_enquiries(client, url, peer, forwarded_for):
    """The status of each of six valid enquiries from `peer`, the nth forwarded for
    `forwarded_for` with {n} filled in."""
    return [
        client.post(
            url,
            ENQUIRY,
            REMOTE_ADDR=peer,
            HTTP_X_FORWARDED_FOR=forwarded_for.format(n=attempt),
        ).status_code
        for attempt in range(6)
    ]


def test_spoofed_forwarded_for_from_an_untrusted_peer_is_ignored(client, opportunity_url, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    statuses = six_enquiries(client, opportunity_url, "203.0.113.5", "198.51.100.{n}")
    assert statuses[-1] == 429
    assert Enquiry.objects.count() == 5


def test_forwarded_for_from_the_trusted_proxy_separates_visitors(client, opportunity_url, settings):
    """Behind nginx every request comes from 127.0.0.1; the limit is still per visitor."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    statuses = six_enquiries(client, opportunity_url, "127.0.0.1", "spoofed, 198.51.100.{n}")
    assert statuses == [302] * 6
    assert Enquiry.objects.count() == 6
    hashes = set(Enquiry.objects.values_list("ip_hash", flat=True))
    assert len(hashes) == 6


def test_invalid_enquiries_do_not_count(client, opportunity_url):
    for _attempt in range(10):
        response = client.post(opportunity_url, {**ENQUIRY, "email": "not-an-email"})
        assert response.status_code == 200
    assert client.post(opportunity_url, ENQUIRY).status_code == 302


def count_concurrently(requests=20):
    """Every thread counts one valid enquiry from the same visitor at the same moment."""
    start = threading.Barrier(requests)
    refused = []

    def send():
        request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.77")
        start.wait()
        refused.append(enquiries.over_rate_limit(request))

    threads = [threading.Thread(target=send) for _ in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return refused.count(False)


def test_twenty_concurrent_enquiries_let_exactly_five_through():
    assert count_concurrently() == enquiries.RATE_LIMIT == 5


@pytest.fixture
def redis_cache(settings):
    """A throw-away Redis server (the production cache) on a Unix socket, as the default cache."""
    if not shutil.which("redis-server"):
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    with tempfile.TemporaryDirectory() as directory:
        socket = Path(directory) / "redis.sock"
        server = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", str(socket), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while not socket.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            settings.CACHES = {
                "default": {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": f"unix://{socket}",
                }
            }
            yield caches["default"]
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_twenty_concurrent_enquiries_in_redis_let_exactly_five_through(redis_cache):
    assert count_concurrently() == 5
