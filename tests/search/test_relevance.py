"""Relevance on the real index: recall@5 and MRR over tests/search/relevance.yaml."""

from pathlib import Path

import pytest
import yaml

from search.query import elasticsearch_search
from search.results import Query

pytestmark = pytest.mark.elasticsearch
CASES = yaml.safe_load((Path(__file__).parent / "relevance.yaml").read_text(encoding="utf-8"))


def rank(client, case):
    """1-based position of the expected page in the first ten results, or None."""
    results = elasticsearch_search(client, Query(case["q"], case["lang"]))
    keys = [f"{hit.kind}:{hit.plan_key}" for hit in results.hits]
    return keys.index(case["expect"]) + 1 if case["expect"] in keys else None


def test_relevance_set_is_large_and_varied():
    assert len(CASES) >= 40
    assert {case["lang"] for case in CASES} == {"zh-hans", "en"}


def test_recall_at_5_and_mrr(built_index, db):
    ranks = {f"{c['lang']} {c['q']}": rank(built_index, c) for c in CASES}
    recall = sum(1 for r in ranks.values() if r and r <= 5) / len(ranks)
    mrr = sum(1 / r for r in ranks.values() if r) / len(ranks)
    missed = {query: r for query, r in ranks.items() if not r or r > 5}
    print(f"\nrelevance: {len(ranks)} queries, recall@5 = {recall:.3f}, MRR = {mrr:.3f}")
    print(f"missed: {missed}")
    assert recall >= 0.95, missed
