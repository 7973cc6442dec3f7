"""`make bench-search`: search latency with Elasticsearch and with the database fallback, and
indexing throughput, in one run. Uses Django's test client on a throwaway test database (the
real content, loaded by `load_plan`) and throwaway indices under a `bench-` prefix."""

import statistics
import sys
import time
import uuid
from io import StringIO

import django_env

django_env.setup("portal.settings.test")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from elasticsearch.helpers import bulk  # noqa: E402

from search.client import get_client  # noqa: E402
from search.documents import index_source, new_index  # noqa: E402
from search.indexing import all_pages, rebuild  # noqa: E402

QUERIES = [("zh-hans", "黄河"), ("zh-hans", "农谷"), ("en", "Yellow River"), ("en", "wanxianshan")]
ROUNDS = 25
GENERATED = 10_000


def latencies(client):
    timings = []
    for _ in range(ROUNDS):
        for language, text in QUERIES:
            start = time.perf_counter()
            response = client.get("/api/search/", {"q": text, "lang": language})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def generated_documents(count):
    for n in range(count):
        fields = {
            "page_id": n,
            "plan_key": f"generated-{n}",
            "kind": "news",
            "title": f"新乡合作项目第{n}号 区域合作与黄河生态保护",
            "other_title": f"Xinxiang cooperation project {n}",
            "body": "新乡市深化区域合作，融入黄河流域生态保护和高质量发展。" * 8,
            "url": f"/zh-hans/news/generated-{n}/",
            "strategy_area": "黄河国家战略",
            "county": ["辉县市"],
            "sector": ["文化旅游"],
            "date": "2025-01-01",
        }
        yield {"_id": n, "_source": index_source(fields, "zh-hans")}


def main():
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("load_plan", stdout=StringIO())
        es = get_client()
        if es is None:
            sys.exit("Set ELASTICSEARCH_URL (make bench-search starts Elasticsearch).")
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        with override_settings(SEARCH_INDEX_PREFIX=prefix):
            try:
                pages = list(all_pages())
                start = time.perf_counter()
                rebuild(es, out=StringIO(), pages=pages)
                real_rate = 2 * len(pages) / (time.perf_counter() - start)

                index = new_index("zh-hans")
                index.settings(refresh_interval="-1")
                index.create(using=es)
                start = time.perf_counter()
                bulk(es, generated_documents(GENERATED), index=index._name, chunk_size=1000)
                es.indices.refresh(index=index._name)
                generated_rate = GENERATED / (time.perf_counter() - start)

                client = Client()
                es_median, es_p95 = latencies(client)
                with override_settings(ELASTICSEARCH_URL=""):
                    db_median, db_p95 = latencies(client)
            finally:
                es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    finally:
        teardown_databases(old_config, verbosity=0)

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"{'measure':<44}{'value':>12}")
    print(f"{'JSON search, Elasticsearch: median ms':<44}{es_median:>12.1f}")
    print(f"{'JSON search, Elasticsearch: p95 ms':<44}{es_p95:>12.1f}")
    print(f"{'JSON search, database fallback: median ms':<44}{db_median:>12.1f}")
    print(f"{'JSON search, database fallback: p95 ms':<44}{db_p95:>12.1f}")
    print(f"{'indexing, real content (docs/s)':<44}{real_rate:>12.0f}")
    print(f"{'indexing, 10,000 generated docs (docs/s)':<44}{generated_rate:>12.0f}")
    print(f"fallback/Elasticsearch median latency ratio: {db_median / es_median:.1f}x")
    print(f"generated/real indexing throughput ratio: {generated_rate / real_rate:.1f}x")


if __name__ == "__main__":
    main()
