"""Hybrid search: BM25 and vectors, fused by reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass

from app.catalogue import Product
from app.filters import NO_FILTERS, Filters
from app.fusion import DEFAULT_K, rrf
from app.keyword import KeywordIndex
from app.vectors import VectorIndex


@dataclass(frozen=True)
class Result:
    sku: str
    score: float  # the fused RRF score
    keyword_rank: int | None  # 1-based place in the keyword ranking, None if absent
    vector_rank: int | None


class HybridSearch:
    def __init__(self, products: list[Product], candidates: int = 20, rrf_k: int = DEFAULT_K):
        self.keyword = KeywordIndex(products)
        self.vectors = VectorIndex(products)
        self.candidates = candidates
        self.rrf_k = rrf_k

    def search(self, query: str, k: int = 5, filters: Filters = NO_FILTERS) -> list[Result]:
        """Top k by RRF over both retrievers' top `candidates`, the filters applied in each."""
        # BEGIN SOLUTION
        keyword = [hit.sku for hit in self.keyword.search(query, self.candidates, filters)]
        vector = [hit.sku for hit in self.vectors.search(query, self.candidates, filters)]
        fused = rrf([keyword, vector], k=self.rrf_k)[:k]

        def place(ranking: list[str], sku: str) -> int | None:
            return ranking.index(sku) + 1 if sku in ranking else None

        return [Result(sku, score, place(keyword, sku), place(vector, sku)) for sku, score in fused]
        # STARTER: raise NotImplementedError("TODO(day28): both rankings, fused with rrf, top k")
        # END SOLUTION
