"""The Orders service's own data. It stores user ids, never user records."""

from __future__ import annotations

import itertools
import threading

from pydantic import BaseModel, Field


class OrderItem(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)
    unit_price_cents: int = Field(ge=0)


class NewOrder(BaseModel):
    user_id: int
    items: list[OrderItem] = Field(min_length=1)


class Order(NewOrder):
    id: int
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
