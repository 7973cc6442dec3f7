"""The Elasticsearch client, or None when search runs on the database only."""

from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch

# A visitor waits for at most this long before the page answers from the database instead.
REQUEST_TIMEOUT = 3


def get_client():
    url = settings.ELASTICSEARCH_URL
    return _client(url) if url else None


@cache
def _client(url):
    return Elasticsearch(url, request_timeout=REQUEST_TIMEOUT, max_retries=0)
