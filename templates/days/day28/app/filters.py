"""Metadata filters: which products a search may return at all.

A filter narrows the candidates *before* ranking picks the top k. Ranking first and filtering
afterwards throws away results: ask for 5 kitchen products, rank the whole catalogue, keep the
top 5, drop the ones that are not kitchen products, and you are left with fewer than 5, or none,
while good kitchen matches sat at place 6 and beyond.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.catalogue import Product


@dataclass(frozen=True)
class Filters:
    category: str | None = None
    max_price_cents: int | None = None
    in_stock: bool | None = None

    def matches(self, product: Product) -> bool:
        if self.category is not None and product.category != self.category:
            return False
        if self.max_price_cents is not None and product.price_cents > self.max_price_cents:
            return False
        return self.in_stock is None or product.in_stock == self.in_stock

    def to_qdrant(self) -> dict[str, Any] | None:
        """The same filter in Qdrant's language, so the server filters during its search.

        {"must": [{"key": "category", "match": {"value": "kitchen"}},
                  {"key": "price_cents", "range": {"lte": 5000}},
                  {"key": "in_stock", "match": {"value": true}}]}, or None without conditions.
        """
        # BEGIN SOLUTION
        must: list[dict[str, Any]] = []
        if self.category is not None:
            must.append({"key": "category", "match": {"value": self.category}})
        if self.max_price_cents is not None:
            must.append({"key": "price_cents", "range": {"lte": self.max_price_cents}})
        if self.in_stock is not None:
            must.append({"key": "in_stock", "match": {"value": self.in_stock}})
        return {"must": must} if must else None
        # STARTER: raise NotImplementedError("TODO(day28): one 'must' condition per filter set")
        # END SOLUTION


NO_FILTERS = Filters()
