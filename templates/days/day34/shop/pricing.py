"""What an order costs: line totals, the bulk discount, the welcome coupon and shipping.

All amounts are integer cents. The rules, in order:
1. every line has a quantity from 1 to 99 and a price of 0 cents or more; an order has a line;
2. subtotal = sum of unit price x quantity;
3. an order whose subtotal is 100.00 or more gets 10 % off the subtotal (rounded down);
4. the coupon WELCOME5 takes 5.00 off, only on a customer's first order; another code is refused;
5. the discount never exceeds the subtotal;
6. shipping is free from 50.00 after discount, else 4.99.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_QUANTITY = 99
BULK_THRESHOLD_CENTS = 10_000
BULK_PERCENT = 10
WELCOME_COUPON = "WELCOME5"
WELCOME_CENTS = 500
FREE_SHIPPING_FROM_CENTS = 5_000
SHIPPING_CENTS = 499


class PricingError(ValueError):
    """The order cannot be priced: a bad line, or a coupon that does not apply."""


@dataclass(frozen=True)
class Line:
    sku: str
    unit_price_cents: int
    quantity: int


@dataclass(frozen=True)
class Quote:
    subtotal_cents: int
    discount_cents: int
    shipping_cents: int

    @property
    def total_cents(self) -> int:
        return self.subtotal_cents - self.discount_cents + self.shipping_cents


def quote(lines: Sequence[Line], *, coupon: str | None = None, previous_orders: int = 0) -> Quote:
    if not lines:
        raise PricingError("an order needs at least one line")
    for line in lines:
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise PricingError(f"{line.sku}: quantity must be 1 to {MAX_QUANTITY}")
        if line.unit_price_cents < 0:
            raise PricingError(f"{line.sku}: price cannot be negative")
    subtotal = sum(line.unit_price_cents * line.quantity for line in lines)
    discount = 0
    if subtotal >= BULK_THRESHOLD_CENTS:
        discount += subtotal * BULK_PERCENT // 100
    if coupon is not None:
        if coupon != WELCOME_COUPON:
            raise PricingError(f"unknown coupon {coupon!r}")
        if previous_orders > 0:
            raise PricingError(f"{WELCOME_COUPON} is for a first order only")
        discount += WELCOME_CENTS
    discount = min(discount, subtotal)
    shipping = 0 if subtotal - discount >= FREE_SHIPPING_FROM_CENTS else SHIPPING_CENTS
    return Quote(subtotal, discount, shipping)
