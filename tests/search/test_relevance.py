"""Relevance on the real index: recall@5 and MRR over tests/search/relevance.yaml."""

from functools import partial

import pytest

from search import relevance
from search.registry import searchable_models, searchable_pages

pytestmark = pytest.mark.elasticsearch
CASES = relevance.load_cases()


def test_every_expected_page_is_a_live_searchable_page(db):
    live = {
        f"{spec.kind}:{page.plan_key}"
        for model, spec in searchable_models().items()
        for page in searchable_pages(model)
    }
    assert sorted({case["expect"] for case in CASES} - live) == []
    assert {case["lang"] for case in CASES} == {"zh-hans", "en"}
    assert len({(case["q"], case["lang"]) for case in CASES}) == len(CASES), "a query twice"


def test_recall_at_5_and_mrr(built_index, db):
    ranks = relevance.ranks(CASES, partial(relevance.project_keys, built_index))
    recall, mrr, missed = relevance.scores(ranks)
    print(f"\nrelevance: {len(ranks)} queries, recall@5 = {recall:.3f}, MRR = {mrr:.3f}")
    print(f"missed: {missed}")
    assert recall >= 0.95 and mrr >= 0.9, missed
