"""Search tests run against the real Elasticsearch at settings.ELASTICSEARCH_URL, each under
its own index prefix, and delete what they create. Without a reachable Elasticsearch they are
skipped locally and fail under CI=true."""

import os
import uuid
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from elasticsearch import Elasticsearch

ES_URL = settings.ELASTICSEARCH_URL or "http://127.0.0.1:59200"


def reachable_client():
    client = Elasticsearch(ES_URL, request_timeout=5, max_retries=0)
    try:
        client.cluster.health()
    except Exception as error:  # any failure means "not usable"
        message = f"Elasticsearch is not reachable at {ES_URL}: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return client


def delete_prefix(client, prefix):
    client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def es_client(settings):
    """A client, and a fresh index prefix for this test only."""
    client = reachable_client()
    prefix = f"test-portal-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_URL = ES_URL
    settings.SEARCH_INDEX_PREFIX = prefix
    yield client
    delete_prefix(client, prefix)


@pytest.fixture(scope="module")
def built_index(plan, django_db_blocker):
    """The whole site indexed once for a test module, under the module's own prefix."""
    client = reachable_client()
    prefix = f"test-portal-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_URL=ES_URL, SEARCH_INDEX_PREFIX=prefix):
        with django_db_blocker.unblock():
            call_command("search_index", "rebuild", stdout=StringIO())
        yield client
    delete_prefix(client, prefix)
