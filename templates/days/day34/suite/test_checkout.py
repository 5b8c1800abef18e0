"""Integration tests: pricing, the order state machine and checkout together, with a fake
payment gateway standing in for the provider's HTTP API."""

# BEGIN SOLUTION
# STARTER: # TODO(day34): a fake PaymentGateway that records calls, then tests of place() and
# STARTER: # cancel(): charges, idempotency keys, declines, the welcome coupon, refunds
import pytest

from shop.checkout import Checkout, PaymentDeclined
from shop.orders import InvalidTransition, Status
from shop.pricing import Line, PricingError


class FakeGateway:
    """Records every call; declines the users it is told to decline."""

    def __init__(self, declines: set[int] = frozenset()) -> None:
        self.declines = set(declines)
        self.charges: list[tuple[int, int, str]] = []
        self.refunds: list[tuple[str, int]] = []

    def charge(self, user_id: int, amount_cents: int, idempotency_key: str) -> str:
        self.charges.append((user_id, amount_cents, idempotency_key))
        if user_id in self.declines:
            raise PaymentDeclined("card declined")
        return f"pay-{len(self.charges)}"

    def refund(self, payment_id: str, amount_cents: int) -> None:
        self.refunds.append((payment_id, amount_cents))


MUGS = [Line("MUG-01", 1250, 2)]  # 25.00 + 4.99 shipping


@pytest.fixture
def gateway():
    return FakeGateway(declines={13})


@pytest.fixture
def checkout(gateway):
    return Checkout(gateway)


def test_a_placed_order_is_charged_its_total_and_paid(checkout, gateway):
    order = checkout.place(7, MUGS)

    assert (order.status, order.total_cents) == (Status.PAID, 2_999)
    assert gateway.charges == [(7, 2_999, "order-1")]
    assert checkout.get(order.id) is order


def test_the_charge_includes_discounts_and_shipping(checkout, gateway):
    checkout.place(7, [Line("DESK-01", 12_000, 1)], coupon="WELCOME5")

    assert gateway.charges == [(7, 12_000 - 1_200 - 500, "order-1")]


def test_each_order_gets_its_own_idempotency_key(checkout, gateway):
    checkout.place(7, MUGS)
    checkout.place(7, MUGS)

    assert [key for _, _, key in gateway.charges] == ["order-1", "order-2"]


def test_a_declined_payment_cancels_the_order(checkout, gateway):
    order = checkout.place(13, MUGS)

    assert order.status is Status.CANCELLED
    assert gateway.refunds == []


def test_the_welcome_coupon_works_once_per_customer(checkout):
    checkout.place(7, MUGS, coupon="WELCOME5")

    with pytest.raises(PricingError, match="first order"):
        checkout.place(7, MUGS, coupon="WELCOME5")
    assert checkout.place(8, MUGS, coupon="WELCOME5").status is Status.PAID


def test_a_declined_first_order_keeps_the_welcome_coupon(checkout, gateway):
    checkout.place(13, MUGS, coupon="WELCOME5")
    gateway.declines.clear()

    assert checkout.place(13, MUGS, coupon="WELCOME5").status is Status.PAID


def test_cancelling_a_paid_order_refunds_its_total(checkout, gateway):
    order = checkout.place(7, MUGS)

    checkout.cancel(order.id)

    assert order.status is Status.CANCELLED
    assert gateway.refunds == [("pay-1", 2_999)]


def test_a_shipped_order_cannot_be_cancelled_or_refunded(checkout, gateway):
    order = checkout.place(7, MUGS)
    order.apply("ship")

    with pytest.raises(InvalidTransition):
        checkout.cancel(order.id)
    assert (order.status, gateway.refunds) == (Status.SHIPPED, [])
    # END SOLUTION
