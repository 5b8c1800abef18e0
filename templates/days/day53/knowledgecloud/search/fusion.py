"""Reciprocal rank fusion (RRF): merging rankings that score on different scales.

BM25 scores are unbounded (5, 12, 30...), cosine similarities live in [-1, 1]. Adding them lets
BM25 drown the vectors; normalising them depends on each query's score spread. RRF uses only the
*rank* of each item in each list:

    rrf(d) = sum over rankings r of 1 / (k + rank_r(d))      (rank from 1; k = 60 by convention)

An item missing from a ranking gets nothing from it. Ties are broken by id so results are stable.
"""

from __future__ import annotations

from dataclasses import dataclass

K = 60


@dataclass(frozen=True)
class Hit:
    id: str
    score: float  # the ranking's own score, used to order the ranking, never fused


@dataclass(frozen=True)
class Fused:
    id: str
    score: float


def reciprocal_rank_fusion(rankings: list[list[Hit]], k: int = K) -> list[Fused]:
    """Fuse best-first rankings by their ranks: highest RRF score first, ties by id."""
    # BEGIN SOLUTION
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            scores[hit.id] = scores.get(hit.id, 0.0) + 1.0 / (k + rank)
    return [Fused(id, score) for id, score in sorted(scores.items(), key=lambda x: (-x[1], x[0]))]
    # STARTER: raise NotImplementedError("TODO(day53): fuse the rankings by rank, not by score")
    # END SOLUTION
