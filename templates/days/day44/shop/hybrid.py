"""Hybrid retrieval: keyword search (BM25) and vector search, fused by reciprocal rank.

The two find different things. Vectors match meaning ("I forgot my login details" finds the
password-reset paragraph with no word in common) but blur exact words: names, codes, the one
term the customer and the article share. BM25 matches exactly those words, weighted by how rare
they are, and finds nothing when the words differ.

Their scores cannot be added: a cosine lies in -1..1, a BM25 score is unbounded and its scale
depends on the query's length and the corpus. Reciprocal rank fusion (RRF) uses only positions:

    rrf(d) = sum over rankings of 1 / (k + rank of d in that ranking)     (rank from 1; k = 60)

A chunk near the top of both lists beats one at the top of only one; a chunk missing from a list
gets nothing from it. k damps the difference between rank 1 and rank 2, so one list cannot
dominate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rank_bm25 import BM25Okapi

from shop.chunking import Chunk
from shop.rag import HelpCentre

RRF_K = 60
CANDIDATES = 10  # how deep each ranking goes before fusion

_WORD = re.compile(r"[a-z0-9]+")

Ranking = Sequence[tuple[str, float]]  # (chunk id, the retriever's score), best first


def tokenize(text: str) -> list[str]:
    """Lowercase words and numbers: "PAY-3DS, please!" -> ["pay", "3ds", "please"]."""
    return _WORD.findall(text.lower())


class Bm25Index:
    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        # BEGIN SOLUTION
        self._bm25 = BM25Okapi([tokenize(chunk.text) for chunk in chunks])
        # STARTER: pass  # TODO(day44): index the chunks' tokens with rank_bm25
        # END SOLUTION

    def search(self, query: str, n: int = CANDIDATES) -> list[tuple[str, float]]:
        """The n best chunks for the query's words, as (chunk id, BM25 score), best first.
        Chunks sharing no word with the query (score 0) are not returned."""
        # BEGIN SOLUTION
        scores = self._bm25.get_scores(tokenize(query))
        ranked = sorted(
            ((chunk.id, float(score)) for chunk, score in zip(self.chunks, scores, strict=True)),
            key=lambda pair: (-pair[1], pair[0]),
        )
        return [pair for pair in ranked if pair[1] > 0][:n]
        # STARTER: raise NotImplementedError("TODO(day44): BM25 scores, best n, no zero scores")
        # END SOLUTION


def rrf(rankings: Sequence[Ranking], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal rank fusion of several rankings (see the module docstring).

    Only positions count, never the scores in the rankings. Returns (chunk id, fused score),
    best first; equal fused scores are ordered by chunk id.
    """
    # BEGIN SOLUTION
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (ident, _score) in enumerate(ranking, start=1):
            fused[ident] = fused.get(ident, 0.0) + 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))
    # STARTER: raise NotImplementedError("TODO(day44): add 1 / (k + rank) per ranking")
    # END SOLUTION


class HybridRetriever:
    """BM25 and vector search over the same chunks, fused with RRF."""

    def __init__(self, centre: HelpCentre) -> None:
        self.centre = centre
        self.bm25 = Bm25Index(centre.chunks)
        self._by_id = {chunk.id: chunk for chunk in centre.chunks}

    def vector_search(self, text: str, n: int = CANDIDATES) -> list[tuple[str, float]]:
        """The n chunks nearest to the embedding of `text`, as (chunk id, cosine)."""
        return [(hit.chunk.id, hit.score) for hit in self.centre.retrieve(text, n)]

    def search(
        self, query: str, *, hypothetical: str | None = None, n: int = CANDIDATES
    ) -> list[Chunk]:
        """The n best chunks by RRF of a BM25 ranking and a vector ranking (CANDIDATES deep each).

        Without a hypothetical passage both rankings search the query. With one (HyDE), the
        vector search embeds the passage instead of the query, and BM25 searches the query's
        words together with the passage's.
        """
        # BEGIN SOLUTION
        if hypothetical is None:
            keywords, vector_text = query, query
        else:
            keywords, vector_text = f"{query} {hypothetical}", hypothetical
        rankings = [
            self.bm25.search(keywords, CANDIDATES),
            self.vector_search(vector_text, CANDIDATES),
        ]
        return [self._by_id[ident] for ident, _ in rrf(rankings)[:n]]
        # STARTER: raise NotImplementedError("TODO(day44): fuse the BM25 and vector rankings")
        # END SOLUTION
