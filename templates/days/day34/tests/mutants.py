"""The planted bugs your suite must catch. Do not edit: the meta-tests read them from here.

Each mutant is one small change to a module of `shop/`, the kind of slip a real change makes: an
off-by-one at a boundary, a forgotten rule, a wrong argument. The meta-tests copy `shop/` and
your `suite/` to a scratch folder, apply one mutant, and run your suite: it must fail (the mutant
is "killed"). A mutant that survives is a bug your tests would let through.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str  # file under shop/
    original: str  # found exactly once in the module
    mutated: str


MUTANTS = [
    Mutant(
        "bulk-threshold-off-by-one",
        "pricing.py",
        "if subtotal >= BULK_THRESHOLD_CENTS:",
        "if subtotal > BULK_THRESHOLD_CENTS:",
    ),
    Mutant(
        "bulk-discount-rounds-up",
        "pricing.py",
        "discount += subtotal * BULK_PERCENT // 100",
        "discount += -(-subtotal * BULK_PERCENT // 100)",
    ),
    Mutant(
        "free-shipping-off-by-one",
        "pricing.py",
        "subtotal - discount >= FREE_SHIPPING_FROM_CENTS",
        "subtotal - discount > FREE_SHIPPING_FROM_CENTS",
    ),
    Mutant(
        "free-shipping-ignores-discount",
        "pricing.py",
        "subtotal - discount >= FREE_SHIPPING_FROM_CENTS",
        "subtotal >= FREE_SHIPPING_FROM_CENTS",
    ),
    Mutant(
        "max-quantity-off-by-one",
        "pricing.py",
        "if not 1 <= line.quantity <= MAX_QUANTITY:",
        "if not 1 <= line.quantity < MAX_QUANTITY:",
    ),
    Mutant(
        "zero-quantity-accepted",
        "pricing.py",
        "if not 1 <= line.quantity <= MAX_QUANTITY:",
        "if not 0 <= line.quantity <= MAX_QUANTITY:",
    ),
    Mutant(
        "free-items-refused",
        "pricing.py",
        "if line.unit_price_cents < 0:",
        "if line.unit_price_cents <= 0:",
    ),
    Mutant(
        "discount-not-capped",
        "pricing.py",
        "discount = min(discount, subtotal)",
        "discount = max(discount, 0)",
    ),
    Mutant(
        "welcome-coupon-for-second-order",
        "pricing.py",
        "if previous_orders > 0:",
        "if previous_orders > 1:",
    ),
    Mutant(
        "unknown-coupon-accepted",
        "pricing.py",
        "if coupon != WELCOME_COUPON:",
        "if coupon is None:",
    ),
    Mutant(
        "shipped-order-cancellable",
        "orders.py",
        '(Status.SHIPPED, "deliver"): Status.DELIVERED,',
        '(Status.SHIPPED, "deliver"): Status.DELIVERED,\n'
        '    (Status.SHIPPED, "cancel"): Status.CANCELLED,',
    ),
    Mutant(
        "new-order-not-pending",
        "orders.py",
        "status: Status = Status.PENDING",
        "status: Status = Status.PAID",
    ),
    Mutant(
        "history-not-recorded",
        "orders.py",
        "self.history.append(self.status)",
        "pass",
    ),
    Mutant(
        "declined-order-left-pending",
        "checkout.py",
        'order.apply("cancel")\n            return order',
        "return order",
    ),
    Mutant(
        "welcome-coupon-reusable",
        "checkout.py",
        "self._paid_orders[user_id] += 1",
        "self._paid_orders[user_id] += 0",
    ),
    Mutant(
        "idempotency-key-per-customer",
        "checkout.py",
        'idempotency_key=f"order-{order.id}"',
        'idempotency_key=f"order-{user_id}"',
    ),
    Mutant(
        "charged-the-subtotal",
        "checkout.py",
        "user_id, priced.total_cents, idempotency_key",
        "user_id, priced.subtotal_cents, idempotency_key",
    ),
    Mutant(
        "cancel-without-refund",
        "checkout.py",
        "if was_paid:",
        "if not was_paid and order_id in self._payment_ids:",
    ),
]
