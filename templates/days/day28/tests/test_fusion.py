"""Reciprocal rank fusion: scores by hand, and the hybrid search built on it."""

import pytest

from app.fusion import rrf


def test_rrf_scores_equal_the_hand_computed_values():
    fused = rrf([["a", "b", "c"], ["c", "a", "d"]], k=60)
    assert [doc for doc, _ in fused] == ["a", "c", "b", "d"]
    expected = {
        "a": 1 / 61 + 1 / 62,  # 1st in the first ranking, 2nd in the second
        "c": 1 / 63 + 1 / 61,
        "b": 1 / 62,
        "d": 1 / 63,
    }
    for doc, score in fused:
        assert score == pytest.approx(expected[doc], rel=1e-12), f"{doc}: {score}"


def test_rrf_k_lets_agreement_beat_a_single_first_place():
    # "y" is second in both rankings; "x" and "z" are each first in one.
    fused = dict(rrf([["x", "y"], ["z", "y"]], k=60))
    assert fused["y"] == pytest.approx(2 / 62)
    assert fused["x"] == pytest.approx(1 / 61)
    assert fused["y"] > fused["x"]
    # A small k makes the head steeper, a large one flatter.
    assert dict(rrf([["x", "y"]], k=1)) == pytest.approx({"x": 1 / 2, "y": 1 / 3})


def test_rrf_ties_are_broken_by_id_and_empty_rankings_are_fine():
    assert rrf([["b"], ["a"]], k=60) == [("a", pytest.approx(1 / 61)), ("b", pytest.approx(1 / 61))]
    assert rrf([[], ["a"]], k=60) == [("a", pytest.approx(1 / 61))]
    assert rrf([], k=60) == []


def test_hybrid_scores_are_rrf_of_the_two_rankings_not_of_their_scores(hybrid):
    query = "usb-c charger for travel"
    keyword = [hit.sku for hit in hybrid.keyword.search(query, hybrid.candidates)]
    vector = [hit.sku for hit in hybrid.vectors.search(query, hybrid.candidates)]
    results = hybrid.search(query, k=5)
    assert len(results) == 5

    # OU-5050 (the solar charger) is first in both rankings: 1/61 + 1/61.
    assert results[0].sku == "OU-5050"
    assert (results[0].keyword_rank, results[0].vector_rank) == (1, 1)
    assert results[0].score == pytest.approx(2 / 61, rel=1e-9)

    for result in results:
        expected = 0.0
        for ranking, rank in ((keyword, result.keyword_rank), (vector, result.vector_rank)):
            if result.sku in ranking:
                assert rank == ranking.index(result.sku) + 1
                expected += 1 / (60 + rank)
            else:
                assert rank is None
        assert result.score == pytest.approx(expected, rel=1e-9), result
    scores = [result.score for result in results]
    assert scores == sorted(scores, reverse=True)
