"""Checkout: price the order, create it, charge the customer, and refund on cancellation.

The payment provider is reached through the PaymentGateway interface; production passes an HTTP
client for the provider, tests pass a fake they control.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from shop.orders import Order, Status
from shop.pricing import Line, quote


class PaymentDeclined(Exception):
    """The provider refused the charge (card declined, limit reached)."""


class PaymentGateway(Protocol):
    def charge(self, user_id: int, amount_cents: int, idempotency_key: str) -> str:
        """Charge the customer; returns the provider's payment id or raises PaymentDeclined."""
        ...

    def refund(self, payment_id: str, amount_cents: int) -> None: ...


class Checkout:
    def __init__(self, payments: PaymentGateway) -> None:
        self._payments = payments
        self._orders: dict[int, Order] = {}
        self._payment_ids: dict[int, str] = {}
        self._paid_orders: Counter[int] = Counter()

    def get(self, order_id: int) -> Order:
        return self._orders[order_id]

    def place(self, user_id: int, lines: Sequence[Line], coupon: str | None = None) -> Order:
        """Price and create the order, then charge it.

        A declined charge leaves the order cancelled. The idempotency key is derived from the
        order id, so a retried charge for the same order is never taken twice by the provider.
        """
        priced = quote(lines, coupon=coupon, previous_orders=self._paid_orders[user_id])
        order = Order(id=len(self._orders) + 1, user_id=user_id, total_cents=priced.total_cents)
        self._orders[order.id] = order
        try:
            payment_id = self._payments.charge(
                user_id, priced.total_cents, idempotency_key=f"order-{order.id}"
            )
        except PaymentDeclined:
            order.apply("cancel")
            return order
        self._payment_ids[order.id] = payment_id
        order.apply("pay")
        self._paid_orders[user_id] += 1
        return order

    def cancel(self, order_id: int) -> Order:
        """Cancel the order; a paid order is refunded in full."""
        order = self._orders[order_id]
        was_paid = order.status is Status.PAID
        order.apply("cancel")
        if was_paid:
            self._payments.refund(self._payment_ids[order_id], order.total_cents)
        return order
