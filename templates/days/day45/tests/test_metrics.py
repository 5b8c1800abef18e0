"""Retrieval metrics against values worked out by hand."""

from __future__ import annotations

import pytest

from shop.evaluation.metrics import (
    context_precision,
    context_recall,
    hit_at_k,
    reciprocal_rank,
)


def test_hit_counts_only_a_relevant_id_inside_the_top_k():
    retrieved = ["shipping-delays", "gift-cards", "returns-window"]
    assert hit_at_k(retrieved, {"returns-window"}, k=2) == 0.0  # retrieved, but at position 2
    assert hit_at_k(retrieved, {"returns-window"}, k=3) == 1.0
    assert hit_at_k(retrieved, {"warranty"}, k=3) == 0.0  # three results, none relevant
    assert hit_at_k([], {"warranty"}, k=3) == 0.0


def test_reciprocal_rank_is_one_at_position_zero_and_zero_when_absent():
    assert reciprocal_rank(["warranty", "gift-cards"], {"warranty"}) == 1.0
    assert reciprocal_rank(["gift-cards", "warranty"], {"warranty"}) == 0.5
    assert reciprocal_rank(["a", "b", "warranty"], {"warranty"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["gift-cards", "returns-window"], {"warranty"}) == 0.0
    assert reciprocal_rank([], {"warranty"}) == 0.0


def test_reciprocal_rank_takes_the_first_of_several_relevant_ids():
    retrieved = ["gift-cards", "refund-timing", "returns-window"]
    assert reciprocal_rank(retrieved, {"returns-window", "refund-timing"}) == 0.5


def test_reciprocal_rank_ignores_a_relevant_id_beyond_k():
    assert reciprocal_rank(["a", "b", "c", "warranty"], {"warranty"}, k=3) == 0.0
    assert reciprocal_rank(["a", "b", "c", "warranty"], {"warranty"}) == 0.25


def test_an_id_retrieved_twice_counts_once_at_its_first_position():
    retrieved = ["gift-cards", "gift-cards", "warranty"]
    assert reciprocal_rank(retrieved, {"warranty"}) == 0.5
    assert hit_at_k(retrieved, {"warranty"}, k=2) == 1.0
    assert context_precision(retrieved, {"warranty"}, k=2) == 0.5


def test_context_precision_rewards_ranking_relevant_ids_first():
    relevant = {"refund-timing", "returns-window"}
    # precision@1 = 1, precision@3 = 2/3: mean 5/6
    assert context_precision(
        ["refund-timing", "gift-cards", "returns-window"], relevant, k=3
    ) == pytest.approx(5 / 6)
    # precision@2 = 1/2, precision@3 = 2/3: mean 7/12 (plain precision would say 2/3 for both)
    assert context_precision(
        ["gift-cards", "refund-timing", "returns-window"], relevant, k=3
    ) == pytest.approx(7 / 12)
    assert context_precision(["gift-cards", "warranty"], relevant, k=3) == 0.0


def test_context_precision_only_looks_at_the_top_k():
    assert context_precision(["gift-cards", "warranty", "a"], {"warranty"}, k=1) == 0.0
    assert context_precision(["warranty", "gift-cards"], {"warranty"}, k=2) == 1.0


def test_context_recall_is_the_share_of_relevant_ids_found_in_the_top_k():
    relevant = {"refund-timing", "returns-window", "cancel-order"}
    assert context_recall(["refund-timing", "gift-cards"], relevant, k=2) == pytest.approx(1 / 3)
    assert context_recall(
        ["refund-timing", "gift-cards", "returns-window"], relevant, k=2
    ) == pytest.approx(1 / 3)
    assert context_recall(["cancel-order", "returns-window", "refund-timing"], relevant, k=3) == 1.0
    assert context_recall([], relevant, k=3) == 0.0


@pytest.mark.parametrize(
    "metric",
    [hit_at_k, reciprocal_rank, context_precision, context_recall],
    ids=lambda f: f.__name__,
)
def test_a_question_without_relevant_ids_cannot_be_scored(metric):
    with pytest.raises(ValueError, match="relevant"):
        metric(["warranty"], set(), 3)
