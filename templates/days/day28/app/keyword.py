"""Keyword search: BM25 over the products' text.

BM25 scores a product for each query word it contains: more for rare words (inverse document
frequency), more for repeated words but with diminishing returns (k1), less in long texts (b).
It finds exact tokens such as SKUs and model numbers, and it knows nothing about meaning:
"notebook" does not match "laptop".
"""

from __future__ import annotations

from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from app.catalogue import Product
from app.filters import NO_FILTERS, Filters
from app.text import tokenize


@dataclass(frozen=True)
class Hit:
    sku: str
    score: float


class KeywordIndex:
    def __init__(self, products: list[Product]) -> None:
        self.products = products
        self.bm25 = BM25Okapi([tokenize(p.text()) for p in products])

    def search(self, query: str, k: int = 5, filters: Filters = NO_FILTERS) -> list[Hit]:
        """The k best products for the query among those the filters allow, best first.

        Only products that share at least one word with the query (score > 0) are results.
        Ties are broken by SKU.
        """
        scores = self.bm25.get_scores(tokenize(query))
        # BEGIN SOLUTION
        hits = [
            Hit(product.sku, float(score))
            for product, score in zip(self.products, scores, strict=True)
            if score > 0 and filters.matches(product)
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.sku))
        return hits[:k]
        # STARTER: raise NotImplementedError("TODO(day28): filter, then sort and keep the top k")
        # END SOLUTION
