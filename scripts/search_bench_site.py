"""The throwaway site the search benchmarks run on: a test database with the real content
(`load_plan`) and Elasticsearch indices under a `bench-` prefix, both removed afterwards."""

import sys
import uuid
from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.test.utils import setup_databases, setup_test_environment, teardown_databases

from search.client import get_client


@contextmanager
def throwaway_site():
    """Yields (Elasticsearch client, index prefix) with SEARCH_INDEX_PREFIX set to the prefix."""
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("load_plan", stdout=StringIO())
        es = get_client()
        if es is None:
            sys.exit("Set ELASTICSEARCH_URL (the make targets start Elasticsearch).")
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        with override_settings(SEARCH_INDEX_PREFIX=prefix):
            try:
                yield es, prefix
            finally:
                es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    finally:
        teardown_databases(old_config, verbosity=0)
