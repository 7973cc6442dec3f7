"""Relevance on the real index: recall@5 and MRR over tests/search/relevance.yaml."""

from functools import partial

import pytest

from search import relevance

pytestmark = pytest.mark.elasticsearch
CASES = relevance.load_cases()


def test_relevance_set_is_large_and_varied():
    assert len(CASES) >= 40
    assert {case["lang"] for case in CASES} == {"zh-hans", "en"}


def test_recall_at_5_and_mrr(built_index, db):
    ranks = relevance.ranks(CASES, partial(relevance.project_keys, built_index))
    recall, mrr, missed = relevance.scores(ranks)
    print(f"\nrelevance: {len(ranks)} queries, recall@5 = {recall:.3f}, MRR = {mrr:.3f}")
    print(f"missed: {missed}")
    assert recall >= 0.95 and mrr >= 0.9, missed
