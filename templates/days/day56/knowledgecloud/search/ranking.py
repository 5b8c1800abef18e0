"""Two rankings of the same hits: the current keyword order, and the new hybrid one (reciprocal
rank fusion of keyword and vector ranks). Which one a request gets is the flag's business."""

from __future__ import annotations

from dataclasses import dataclass

RRF_K = 60  # the usual constant of reciprocal rank fusion


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    keyword_score: float  # BM25: higher is better
    vector_score: float  # cosine similarity: higher is better


def keyword_ranking(hits: list[Hit]) -> list[str]:
    """The ranking in production today: BM25 alone (ties by chunk id)."""
    return [h.chunk_id for h in sorted(hits, key=lambda h: (-h.keyword_score, h.chunk_id))]


def hybrid_ranking(hits: list[Hit]) -> list[str]:
    """The new ranking: each hit scores 1/(k + rank) in the keyword order and in the vector
    order, and the sums decide (ties by chunk id)."""
    # BEGIN SOLUTION
    by_keyword = keyword_ranking(hits)
    by_vector = [h.chunk_id for h in sorted(hits, key=lambda h: (-h.vector_score, h.chunk_id))]
    score = {h.chunk_id: 0.0 for h in hits}
    for order in (by_keyword, by_vector):
        for rank, chunk_id in enumerate(order, start=1):
            score[chunk_id] += 1.0 / (RRF_K + rank)
    return sorted(score, key=lambda c: (-score[c], c))
    # STARTER: raise NotImplementedError("TODO(day56): reciprocal rank fusion of both orders")
    # END SOLUTION
