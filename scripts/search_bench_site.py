"""The throwaway site the search benchmarks run on: a test database with the real content
(`load_plan`) and Elasticsearch indices under a `bench-<SEARCH_INDEX_PREFIX>-` prefix (the test
settings take it from TEST_SEARCH_INDEX_PREFIX, so checkouts sharing one Elasticsearch keep
apart), both removed afterwards."""

import copy
import shutil
import sys
import tempfile
import uuid
from contextlib import contextmanager, redirect_stdout
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.test.utils import setup_databases, setup_test_environment, teardown_databases

from search.client import get_client


@contextmanager
def throwaway_site(load_plan=True):
    """Yields (Elasticsearch client, index prefix) with SEARCH_INDEX_PREFIX set to the prefix;
    `load_plan=False` leaves the loading (and its timing) to the caller."""
    es = get_client()
    if es is None:
        sys.exit("Set ELASTICSEARCH_URL (the make targets start Elasticsearch).")
    setup_test_environment()
    with redirect_stdout(StringIO()):  # update_translation_fields reports every column it adds
        old_config = setup_databases(verbosity=0, interactive=False)
    prefix = f"bench-{settings.SEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"
    # Pages are indexed as they are published, the plan's too, by the portal and by Wagtail's
    # backend (the admin's search): both under the prefix, never into a developer's indices.
    wagtail_backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    wagtail_backends["default"]["INDEX_PREFIX"] = f"{prefix}-wagtail-"
    # Share cards and renditions go to a media folder of its own: page ids repeat from one
    # database to the next, so the developer's cards would be overwritten or deleted.
    media = tempfile.mkdtemp(prefix="portal-bench-media-")
    try:
        with override_settings(
            SEARCH_INDEX_PREFIX=prefix, WAGTAILSEARCH_BACKENDS=wagtail_backends, MEDIA_ROOT=media
        ):
            try:
                if load_plan:
                    call_command("load_plan", stdout=StringIO())
                yield es, prefix
            finally:
                es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    finally:
        shutil.rmtree(media, ignore_errors=True)
        teardown_databases(old_config, verbosity=0)
