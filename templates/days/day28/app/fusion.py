"""Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009).

Each retriever returns a ranking, best first. A document's fused score is the sum, over the
rankings it appears in, of 1 / (k + rank), with rank counted from 1 and k a constant (60 in the
paper). Only positions matter, never the retrievers' own scores: BM25 scores are unbounded and
cosine similarities live in [-1, 1], so adding them would let one retriever drown the other.
The k dampens the head: with k = 60, places 1 and 2 score 1/61 and 1/62, nearly equal, so one
retriever's first place cannot beat a document both retrievers rank well.
"""

from __future__ import annotations

DEFAULT_K = 60


def rrf(rankings: list[list[str]], k: int = DEFAULT_K) -> list[tuple[str, float]]:
    """Fuse rankings of ids into one list of (id, score), highest score first.

    Equal scores are ordered by id, so the result does not depend on dict order.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    # BEGIN SOLUTION
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    # STARTER: raise NotImplementedError("TODO(day28): sum 1 / (k + rank) per id, rank from 1")
    # END SOLUTION
