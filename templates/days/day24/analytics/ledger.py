"""The analytics service's own copy of the shop's orders: who ordered, how much, and when.

In the shop it is filled from the Orders service (day 12) as orders are placed; here tests fill
it directly. It keeps the orders sorted by (placed_at, order_id), so a time range is found by
binary search and read in order, without scanning or copying the whole ledger.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PlacedOrder:
    order_id: int
    user_id: int
    total_cents: int
    placed_at: datetime  # timezone-aware, UTC


def time_key(order: PlacedOrder) -> tuple[datetime, int]:
    return (order.placed_at, order.order_id)


class Ledger:
    def __init__(self, orders: list[PlacedOrder] | None = None) -> None:
        self._recorded: list[PlacedOrder] = []  # in the order they were recorded
        self._by_time: list[PlacedOrder] = []  # the same orders, sorted by time_key
        self._lock = threading.Lock()
        for order in orders or []:
            self.record(order)

    def record(self, order: PlacedOrder) -> None:
        if order.placed_at.tzinfo is None:
            raise ValueError("placed_at must be timezone-aware")
        with self._lock:
            self._recorded.append(order)
            insort(self._by_time, order, key=time_key)

    def all(self) -> list[PlacedOrder]:
        """Every order, in the order they were recorded."""
        return list(self._recorded)

    def of_user(self, user_id: int) -> list[PlacedOrder]:
        return [order for order in self._by_time if order.user_id == user_id]

    def in_range(self, start: datetime, end: datetime) -> Iterator[PlacedOrder]:
        """Yield the orders with start <= placed_at < end, oldest first (ties by order_id).

        Find the first one with bisect_left on time_key, then walk forward until `end`: one order
        at a time, so a caller that stops early never makes the ledger read the rest.
        """
        # BEGIN SOLUTION
        index = bisect_left(self._by_time, (start, -1), key=time_key)
        while index < len(self._by_time) and self._by_time[index].placed_at < end:
            yield self._by_time[index]
            index += 1
        # STARTER: raise NotImplementedError("TODO(day24): binary search, then walk to `end`")
        # END SOLUTION
