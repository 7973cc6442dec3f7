"""The Elasticsearch client, or None when search runs on the database only, behind a circuit
breaker.

A visitor's search waits at most SEARCH_TIMEOUT for Elasticsearch before the page answers from
the database instead (indexing keeps the longer REQUEST_TIMEOUT: a bulk request that waits for a
refresh takes about a second). The breaker opens on the first timeout (a frozen engine costs
SEARCH_TIMEOUT per call, and one page view makes several), or after FAILURE_THRESHOLD other
failures in a row (a refused connection costs nothing, a one-off 503 should not switch search
off). While open, for COOL_DOWN seconds, every request fails at once with a ConnectionError,
without touching the network, so callers go straight to their database fallback and a frozen
engine cannot tie up the workers. The first request after the cool-down is a trial: if it fails
too, the breaker opens again at once.

The breaker's state is per process: each worker finds out on its own, at the cost of one
SEARCH_TIMEOUT per worker and cool-down.
"""

import threading
import time
from functools import cache

from django.conf import settings
from elastic_transport import ConnectionError, ConnectionTimeout, Transport, TransportError
from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch

SEARCH_TIMEOUT = 0.5
REQUEST_TIMEOUT = 30
FAILURE_THRESHOLD = 3
COOL_DOWN = 30


class CircuitBreaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0

    def is_open(self):
        return time.monotonic() < self._open_until

    def succeeded(self):
        with self._lock:
            self._failures = 0
            self._open_until = 0.0

    def failed(self, timed_out=False):
        with self._lock:
            self._failures += 1
            # _open_until is kept after a cool-down until a request succeeds: this is a trial.
            if timed_out or self._open_until or self._failures >= FAILURE_THRESHOLD:
                self._open_until = time.monotonic() + COOL_DOWN
                self._failures = 0

    def reset(self):
        with self._lock:
            self._failures = 0
            self._open_until = 0.0


@cache
def breaker_for(nodes):
    return CircuitBreaker()


def elasticsearch_usable():
    """Whether search should try Elasticsearch now: configured, and its breaker is closed."""
    client = get_client()
    return client is not None and not client.transport.breaker.is_open()


# Request paths of what a visitor waits for: searches and suggestions, and the counts and
# scrolls of Wagtail's searches (the admin's and API v2's count before they search).
SEARCHES = ("/_search", "/_msearch", "/_count", "/_search/scroll")


class CircuitBreakerTransport(Transport):
    """The client's transport, counting failures and refusing requests while the breaker is open.

    One breaker per set of Elasticsearch nodes, shared by every client of them, so also by
    Wagtail's own backend (which makes a new client per use) when given
    OPTIONS {"transport_class": CircuitBreakerTransport}.
    """

    def __init__(self, node_configs, *args, **kwargs):
        super().__init__(node_configs, *args, **kwargs)
        self.breaker = breaker_for(tuple((node.host, node.port) for node in node_configs))

    def perform_request(self, method, target, **kwargs):
        breaker = self.breaker
        if breaker.is_open():
            raise ConnectionError("Elasticsearch is paused after repeated failures (circuit open)")
        # A search waits SEARCH_TIMEOUT at most, whatever the client was built with (Wagtail's
        # backend builds its own with its TIMEOUT). Other requests keep the timeout their caller
        # asked for (a rebuild, the outbox delivery), or get REQUEST_TIMEOUT.
        if target.split("?")[0].endswith(SEARCHES):
            kwargs["request_timeout"] = SEARCH_TIMEOUT
        elif kwargs.get("request_timeout", DEFAULT) is DEFAULT:
            kwargs["request_timeout"] = REQUEST_TIMEOUT
        try:
            response = super().perform_request(method, target, **kwargs)
        except ConnectionTimeout:
            breaker.failed(timed_out=True)
            raise
        except TransportError:  # refused, unreachable
            breaker.failed()
            raise
        if response.meta.status >= 500:
            breaker.failed()
        else:
            breaker.succeeded()
        return response


def get_client():
    url = settings.ELASTICSEARCH_URL
    return _client(url) if url else None


@cache
def _client(url):
    return Elasticsearch(
        url,
        max_retries=0,
        transport_class=CircuitBreakerTransport,
    )
