"""The Orders service's own data. It stores user ids, never user records.

Since day 35 an order has a status, which only `lifecycle.next_status` may change.
"""

from __future__ import annotations

import itertools
import threading
from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["pending", "paid", "shipped", "cancelled"]


class OrderItem(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)
    unit_price_cents: int = Field(ge=0)


class NewOrder(BaseModel):
    user_id: int
    items: list[OrderItem] = Field(min_length=1)


class Order(NewOrder):
    id: int
    status: Status = "pending"
    total_cents: int


class OrderStore:
    """In-memory for the lab; in production this would be the orders database (ORDERS_DB_URL)."""

    def __init__(self) -> None:
        self._orders: dict[int, Order] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, new: NewOrder) -> Order:
        total = sum(item.quantity * item.unit_price_cents for item in new.items)
        with self._lock:
            order = Order(id=next(self._ids), total_cents=total, **new.model_dump())
            self._orders[order.id] = order
            return order

    def get(self, order_id: int) -> Order | None:
        return self._orders.get(order_id)

    def for_user(self, user_id: int) -> list[Order]:
        return [order for order in self._orders.values() if order.user_id == user_id]

    def set_status(self, order_id: int, status: Status) -> Order:
        with self._lock:
            order = self._orders[order_id].model_copy(update={"status": status})
            self._orders[order_id] = order
            return order

    # For tests and provider states: put the store into a known state.

    def clear(self) -> None:
        with self._lock:
            self._orders.clear()
            self._ids = itertools.count(1)

    def put(self, order: Order) -> None:
        """Store `order` exactly as given (its id and status included)."""
        with self._lock:
            self._orders[order.id] = order
            self._ids = itertools.count(max(self._orders) + 1)
