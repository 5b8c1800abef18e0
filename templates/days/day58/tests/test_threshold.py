"""The cache's threshold, chosen on the labelled pairs of tests/fixtures/cache_pairs.json.

These tests compute precision and recall themselves, so the numbers they report do not depend on
the code under test.
"""

from __future__ import annotations

import pytest

from knowledgecloud.cost.cache import SIMILARITY_THRESHOLD
from knowledgecloud.cost.threshold import (
    TARGET_PRECISION,
    Scored,
    choose_threshold,
    precision_recall,
    score_fixture,
)


@pytest.fixture(scope="module")
def scored() -> list[Scored]:
    return score_fixture()


def measured(scored: list[Scored], threshold: float) -> tuple[float, float]:
    hits = [s for s in scored if s.similarity >= threshold]
    right = sum(s.same for s in hits)
    precision = right / len(hits) if hits else 1.0
    return precision, right / sum(s.same for s in scored)


def test_precision_and_recall_at_a_threshold():
    scored = [Scored(0.9, True), Scored(0.8, False), Scored(0.7, True), Scored(0.2, False)]

    assert precision_recall(scored, 0.85) == (1.0, 0.5)
    assert precision_recall(scored, 0.75) == (0.5, 0.5)
    assert precision_recall(scored, 0.5) == pytest.approx((2 / 3, 1.0))
    assert precision_recall(scored, 0.95) == (1.0, 0.0), "no hits: nothing served wrongly"


def test_the_chosen_threshold_reaches_the_target_precision_with_the_best_recall(scored):
    chosen = choose_threshold(scored)
    precision, recall = measured(scored, chosen)

    assert precision >= TARGET_PRECISION, (
        f"at {chosen:.3f} the cache serves a wrong answer: precision {precision:.2f}, "
        f"recall {recall:.2f} on the fixture"
    )
    assert recall > 0, f"at {chosen:.3f} the cache never hits"
    for s in scored:  # no other threshold does better at the same precision
        p, r = measured(scored, s.similarity)
        if p >= TARGET_PRECISION:
            assert r <= recall, f"{s.similarity:.3f} has precision {p:.2f} and recall {r:.2f}"


def test_the_cache_uses_the_chosen_threshold(scored):
    chosen = choose_threshold(scored)

    assert measured(scored, SIMILARITY_THRESHOLD) == measured(scored, chosen), (
        f"the cache's threshold {SIMILARITY_THRESHOLD} behaves differently on the fixture from "
        f"the chosen {chosen:.3f}"
    )
