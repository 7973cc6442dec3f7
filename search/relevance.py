"""Measuring relevance: recall@5 and MRR over the relevance set (tests/search/relevance.yaml).

Shared by tests/search/test_relevance.py and scripts/compare_search_analysis.py. A case is
{q, lang, expect}: the page (`kind:plan_key`) a visitor expects among the first five results.
"""

from pathlib import Path

import yaml

from search.query import elasticsearch_search
from search.results import Query

RELEVANCE_SET = Path(__file__).resolve().parent.parent / "tests" / "search" / "relevance.yaml"


def load_cases(path=RELEVANCE_SET):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def project_keys(client, text, language):
    """`kind:plan_key` of the first page of results of the project's own search."""
    results = elasticsearch_search(client, Query(text, language))
    return [f"{hit.kind}:{hit.plan_key}" for hit in results.hits]


def ranks(cases, keys_for):
    """{"<lang> <q>": 1-based position of the expected page in keys_for(q, lang), or None}."""
    found = {}
    for case in cases:
        keys = keys_for(case["q"], case["lang"])
        position = keys.index(case["expect"]) + 1 if case["expect"] in keys else None
        found[f"{case['lang']} {case['q']}"] = position
    return found


def scores(found):
    """(recall@5, MRR, {query: rank} of the queries missing from the first five)."""
    recall = sum(1 for r in found.values() if r and r <= 5) / len(found)
    mrr = sum(1 / r for r in found.values() if r) / len(found)
    missed = {query: r for query, r in found.items() if not r or r > 5}
    return recall, mrr, missed
