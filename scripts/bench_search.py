"""`make bench-search`: search latency with Elasticsearch and with the database fallback, and
indexing throughput, in one run. Uses Django's test client on a throwaway test database (the
real content, loaded by `load_plan`) and throwaway indices under a `bench-` prefix, deleted at
the end. Latency is measured with 10,000 generated documents per language behind the aliases,
besides the real pages."""

import statistics
import time
from io import StringIO

import django_env

django_env.setup("portal.settings.test")

from django.conf import settings  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from search_bench_site import throwaway_site  # noqa: E402

from search.documents import alias_name, index_source, other_language  # noqa: E402
from search.indexing import all_pages, rebuild  # noqa: E402
from search.registry import LANGUAGES, DocumentBuilder  # noqa: E402

QUERIES = [("zh-hans", "黄河"), ("zh-hans", "农谷"), ("en", "Yellow River"), ("en", "wanxianshan")]
ROUNDS = 25
GENERATED = 10_000
LIMIT_MS = 50
TEXT = {
    "zh-hans": (
        "新乡合作项目第{n}号 区域合作与黄河生态保护",
        "新乡市深化区域合作，融入黄河流域生态保护和高质量发展。",
    ),
    "en": (
        "Xinxiang cooperation project {n}: regional cooperation and Yellow River ecology",
        "Xinxiang deepens regional cooperation and joins the ecological protection of the Yellow "
        "River basin. ",
    ),
}


def latencies(client):
    """Median and p95 ms of the JSON API, and how many answers came from the database fallback:
    a search that timed out (or met the open circuit breaker) answers from the database, and
    must not pass for an Elasticsearch answer."""
    timings, incomplete = [], 0
    for _ in range(ROUNDS):
        for language, text in QUERIES:
            start = time.perf_counter()
            response = client.get("/api/search/", {"q": text, "lang": language})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
            incomplete += not response.json()["complete"]
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], incomplete


def generated_documents(language, count):
    title, body = TEXT[language]
    for n in range(count):
        fields = {
            "page_id": 1_000_000 + n,
            "plan_key": f"generated-{n}",
            "kind": "news",
            "title": title.format(n=n),
            "other_title": TEXT[other_language(language)][0].format(n=n),
            "body": body * 8,
            "url": f"/{language}/news/generated-{n}/",
            "strategy_area": ["yellow-river"],
            "county": ["huixian"],
            "sector": ["culture-tourism"],
            "clauses": ["ch3"],
            "clause_own": [],
            "date": "2025-01-01",
        }
        yield fields["page_id"], index_source(fields, language)


def all_documents(pages):
    """{language: [(id, source)]}: the real pages and GENERATED made-up ones per language."""
    builder = DocumentBuilder()
    documents = {language: [] for language in LANGUAGES}
    for page in pages:
        for language, fields in builder.build(page).items():
            documents[language].append((page.pk, index_source(fields, language)))
    for language in LANGUAGES:
        documents[language] += generated_documents(language, GENERATED)
    return documents


def main():
    with throwaway_site() as (es, prefix):
        pages = list(all_pages())
        start = time.perf_counter()
        rebuild(es, out=StringIO(), pages=pages)
        real_rate = len(LANGUAGES) * len(pages) / (time.perf_counter() - start)

        # Analysis inside the timer too, as in the real rebuild above: the ratio compares like
        # with like.
        start = time.perf_counter()
        documents = all_documents(pages)
        rebuild(es, out=StringIO(), documents=documents)
        generated_rate = sum(map(len, documents.values())) / (time.perf_counter() - start)
        behind_alias = es.count(index=",".join(map(alias_name, LANGUAGES)))["count"]

        client = Client()
        es_median, es_p95, from_fallback = latencies(client)
        with override_settings(ELASTICSEARCH_URL=""):
            db_median, db_p95, _incomplete = latencies(client)
    left = es.indices.get(index=f"{prefix}-*", ignore_unavailable=True).body

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"{'measure':<44}{'value':>12}")
    print(f"documents behind the aliases (both languages): {behind_alias}")
    print(f"{'JSON search, Elasticsearch: median ms':<44}{es_median:>12.1f}")
    print(f"{'JSON search, Elasticsearch: p95 ms':<44}{es_p95:>12.1f}")
    print(f"{'JSON search, database fallback: median ms':<44}{db_median:>12.1f}")
    print(f"{'JSON search, database fallback: p95 ms':<44}{db_p95:>12.1f}")
    print(f"{'indexing, real content (docs/s)':<44}{real_rate:>12.0f}")
    print(f"{'indexing, real + generated docs (docs/s)':<44}{generated_rate:>12.0f}")
    print(f"fallback/Elasticsearch median latency ratio: {db_median / es_median:.1f}x")
    print(f"generated/real indexing throughput ratio: {generated_rate / real_rate:.1f}x")
    print(f"indices left behind: {len(left)}")
    searches = ROUNDS * len(QUERIES)
    print(f"Elasticsearch searches answered by the fallback: {from_fallback} of {searches}")
    within = es_median < LIMIT_MS and es_p95 < LIMIT_MS and not from_fallback
    print(f"Elasticsearch p50 and p95 under {LIMIT_MS} ms: {'yes' if within else 'NO'}")


if __name__ == "__main__":
    main()
