"""The shop's data, in memory (given). Days 6-7 and 26 keep the same tables in a database."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

CATALOG = (
    ("KB-01", "Mechanical keyboard", 8900, 5),
    ("MS-02", "Wireless mouse", 2500, 12),
    ("CB-03", "USB-C cable", 900, 0),
)


class EmailTaken(Exception):
    """Another user already registered this e-mail address."""


class UnknownUser(Exception):
    """An order refers to a user id that does not exist."""


class UnknownProduct(Exception):
    """An order line refers to a product id that does not exist."""


class OutOfStock(Exception):
    """An order asks for more units of a product than are in stock."""

    def __init__(self, product_id: int, requested: int, available: int) -> None:
        super().__init__(f"product {product_id}: {requested} requested, {available} in stock")
        self.product_id = product_id
        self.requested = requested
        self.available = available


class AlreadyCancelled(Exception):
    """The order was cancelled before."""


@dataclass
class UserRow:
    id: int
    email: str
    name: str
    created_at: datetime


@dataclass
class ProductRow:
    id: int
    sku: str
    name: str
    price_cents: int
    stock: int


@dataclass
class LineRow:
    product_id: int
    quantity: int
    unit_price_cents: int


@dataclass
class OrderRow:
    id: int
    user_id: int
    lines: list[LineRow]
    created_at: datetime
    status: str = "placed"
    cancellation_reason: str | None = None
    cancelled_at: datetime | None = None

    @property
    def total_cents(self) -> int:
        return sum(line.quantity * line.unit_price_cents for line in self.lines)


@dataclass
class ShopStore:
    """Users, a small product catalogue and orders. Ids start at 1 and are never reused."""

    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    users: dict[int, UserRow] = field(default_factory=dict)
    products: dict[int, ProductRow] = field(default_factory=dict)
    orders: dict[int, OrderRow] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._user_ids = itertools.count(1)
        self._order_ids = itertools.count(1)
        for number, (sku, name, price, stock) in enumerate(CATALOG, start=1):
            self.products[number] = ProductRow(number, sku, name, price, stock)

    def add_user(self, email: str, name: str) -> UserRow:
        with self._lock:
            if any(user.email == email.lower() for user in self.users.values()):
                raise EmailTaken(email)
            user = UserRow(next(self._user_ids), email.lower(), name, self.clock())
            self.users[user.id] = user
            return user

    def list_products(self, in_stock: bool | None = None) -> list[ProductRow]:
        rows = sorted(self.products.values(), key=lambda product: product.id)
        if in_stock is None:
            return rows
        return [product for product in rows if (product.stock > 0) == in_stock]

    def place_order(self, user_id: int, lines: list[tuple[int, int]]) -> OrderRow:
        """Check everything first, then take the stock: an order is placed whole or not at all."""
        with self._lock:
            if user_id not in self.users:
                raise UnknownUser(user_id)
            wanted: dict[int, int] = {}
            for product_id, quantity in lines:
                if product_id not in self.products:
                    raise UnknownProduct(product_id)
                wanted[product_id] = wanted.get(product_id, 0) + quantity
            for product_id, quantity in wanted.items():
                available = self.products[product_id].stock
                if quantity > available:
                    raise OutOfStock(product_id, quantity, available)
            for product_id, quantity in wanted.items():
                self.products[product_id].stock -= quantity
            order = OrderRow(
                id=next(self._order_ids),
                user_id=user_id,
                lines=[
                    LineRow(product_id, quantity, self.products[product_id].price_cents)
                    for product_id, quantity in lines
                ],
                created_at=self.clock(),
            )
            self.orders[order.id] = order
            return order

    def orders_of(self, user_id: int) -> list[OrderRow]:
        return [order for order in self.orders.values() if order.user_id == user_id]

    def cancel_order(self, order_id: int, reason: str) -> OrderRow:
        with self._lock:
            order = self.orders[order_id]
            if order.status == "cancelled":
                raise AlreadyCancelled(order_id)
            for line in order.lines:
                self.products[line.product_id].stock += line.quantity
            order.status = "cancelled"
            order.cancellation_reason = reason
            order.cancelled_at = self.clock()
            return order
