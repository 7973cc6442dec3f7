"""Relevance with and without the Python analysis, on the same content and relevance set.

    DATABASE_URL=… ELASTICSEARCH_URL=… .venv/bin/python scripts/compare_search_analysis.py

Reads the pages of the database in DATABASE_URL (run `manage.py migrate --noinput` and
`manage.py load_plan` first if it is empty) and measures recall@5 and MRR over
tests/search/relevance.yaml for:

(a) baseline: one index per language with the raw title and body (summary included) in `text`
    fields with the built-in `standard` analyzer, queried with a plain `multi_match`
    (title^3, body);
(b) project: the indices of `search_index rebuild`, queried through search/query.py.

Both are built under a throwaway `compare-` prefix and deleted afterwards.
"""

import sys
import uuid
from functools import partial
from io import StringIO

import django_env

django_env.setup("portal.settings.dev")

from django.test import override_settings  # noqa: E402
from elasticsearch.helpers import bulk  # noqa: E402

from search import relevance  # noqa: E402
from search.client import get_client  # noqa: E402
from search.indexing import all_pages, rebuild  # noqa: E402
from search.registry import LANGUAGES, DocumentBuilder  # noqa: E402
from search.results import PAGE_SIZE  # noqa: E402

BASELINE_MAPPING = {
    "properties": {
        "kind": {"type": "keyword"},
        "plan_key": {"type": "keyword"},
        "title": {"type": "text", "analyzer": "standard"},
        "body": {"type": "text", "analyzer": "standard"},
    }
}


def build_baseline(es, prefix, pages):
    """{language: index name} of the baseline indices, loaded with the same pages."""
    names = {language: f"{prefix}-baseline-{language}" for language in LANGUAGES}
    for name in names.values():
        es.indices.create(
            index=name,
            settings={"number_of_shards": 1, "number_of_replicas": 0},
            mappings=BASELINE_MAPPING,
        )
    builder = DocumentBuilder()
    actions = (
        {
            "_index": names[language],
            "_id": fields["page_id"],
            "_source": {name: fields[name] for name in BASELINE_MAPPING["properties"]},
        }
        for page in pages
        for language, fields in builder.build(page).items()
    )
    bulk(es, actions, chunk_size=500)
    es.indices.refresh(index=",".join(names.values()))
    return names


def baseline_keys(es, names, text, language):
    response = es.search(
        index=names[language],
        query={"multi_match": {"query": text, "fields": ["title^3", "body"]}},
        source=["kind", "plan_key"],
        size=PAGE_SIZE,
    )
    return [f"{h['_source']['kind']}:{h['_source']['plan_key']}" for h in response["hits"]["hits"]]


def groups(cases):
    """Overall, then per language."""
    yield "all", cases
    for language in sorted({case["lang"] for case in cases}):
        yield f"lang={language}", [case for case in cases if case["lang"] == language]


def ratio(b, a):
    return f"{b / a:.2f}x" if a else "n/a"


def print_table(cases, ranks):
    print(f"{'queries':<16}{'n':>4}{'recall@5 (a)':>14}{'(b)':>7}{'ratio':>8}", end="")
    print(f"{'MRR (a)':>10}{'(b)':>7}{'ratio':>8}")
    for label, subset in groups(cases):
        keys = [f"{case['lang']} {case['q']}" for case in subset]
        (ra, ma, _), (rb, mb, _) = (
            relevance.scores({key: found[key] for key in keys}) for found in ranks
        )
        print(f"{label:<16}{len(subset):>4}{ra:>14.3f}{rb:>7.3f}{ratio(rb, ra):>8}", end="")
        print(f"{ma:>10.3f}{mb:>7.3f}{ratio(mb, ma):>8}")


def main():
    es = get_client()
    if es is None:
        sys.exit("Set ELASTICSEARCH_URL.")
    pages = list(all_pages())
    if not pages:
        sys.exit("No searchable pages: run manage.py migrate --noinput and manage.py load_plan.")
    cases = relevance.load_cases()
    prefix = f"compare-{uuid.uuid4().hex[:8]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix):
        try:
            names = build_baseline(es, prefix, pages)
            rebuild(es, out=StringIO(), pages=pages)
            ranks = [
                relevance.ranks(cases, partial(baseline_keys, es, names)),
                relevance.ranks(cases, partial(relevance.project_keys, es)),
            ]
        finally:
            es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)

    print(f"{len(pages)} pages, {len(cases)} queries ({relevance.RELEVANCE_SET.name})")
    print("(a) standard analyzer, multi_match title^3/body   (b) Python analysis, search/query.py")
    print_table(cases, ranks)
    for label, found in zip(("(a)", "(b)"), ranks, strict=True):
        missed = [f"{query} ({r or '-'})" for query, r in relevance.scores(found)[2].items()]
        print(f"{label} {len(missed)} not in the first five (rank, - = not in the first ten):")
        print(f"    {', '.join(missed) or 'none'}")


if __name__ == "__main__":
    main()
