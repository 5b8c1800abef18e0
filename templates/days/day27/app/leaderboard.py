"""Best-selling products, kept by Redis in a sorted set.

`leaderboard:products` maps each SKU to the number of units sold. Redis keeps the set ordered by
score, so the top N and any product's rank are answered by the server, reading only what is
asked for: the cost does not grow with the size of the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import redis


@dataclass(frozen=True)
class Entry:
    rank: int  # 1 is the best seller
    sku: str
    sold: int


class Leaderboard:
    def __init__(self, r: redis.Redis, key: str = "leaderboard:products") -> None:
        self.r = r
        self.key = key

    def record_sale(self, sku: str, quantity: int) -> int:
        """Add `quantity` units to the SKU's total; return the new total."""
        # BEGIN SOLUTION
        return int(self.r.zincrby(self.key, quantity, sku))
        # STARTER: raise NotImplementedError("TODO(day27): ZINCRBY")
        # END SOLUTION

    def top(self, n: int) -> list[Entry]:
        """The n best sellers, best first, ranked from 1, in Redis's order for equal scores."""
        if n < 1:
            return []
        # BEGIN SOLUTION
        rows = self.r.zrevrange(self.key, 0, n - 1, withscores=True)
        return [Entry(rank, sku, int(sold)) for rank, (sku, sold) in enumerate(rows, start=1)]
        # STARTER: raise NotImplementedError("TODO(day27): ZREVRANGE 0 n-1 WITHSCORES")
        # END SOLUTION

    def rank_of(self, sku: str) -> Entry | None:
        """The SKU's place in the board (the same rank top() gives it), or None if never sold."""
        # BEGIN SOLUTION
        pipe = self.r.pipeline()
        pipe.zrevrank(self.key, sku)
        pipe.zscore(self.key, sku)
        rank, sold = pipe.execute()
        if rank is None:
            return None
        return Entry(int(rank) + 1, sku, int(sold))
        # STARTER: raise NotImplementedError("TODO(day27): ZREVRANK (0-based) and ZSCORE")
        # END SOLUTION
