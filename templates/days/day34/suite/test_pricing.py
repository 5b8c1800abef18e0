"""Unit tests of shop.pricing: pure functions, so no fakes, just inputs and expected quotes."""

# BEGIN SOLUTION
# STARTER: # TODO(day34): tests for quote(), one rule at a time, boundaries included
import pytest

from shop.pricing import Line, PricingError, Quote, quote


def one(price_cents: int, quantity: int = 1) -> list[Line]:
    return [Line("MUG-01", price_cents, quantity)]


def test_the_subtotal_adds_every_line():
    lines = [Line("MUG-01", 1250, 2), Line("TEA-02", 400, 3)]

    assert quote(lines) == Quote(subtotal_cents=3700, discount_cents=0, shipping_cents=499)
    assert quote(lines).total_cents == 4199


@pytest.mark.parametrize(
    ("subtotal", "discount"),
    [(9_999, 0), (10_000, 1_000), (10_001, 1_000), (10_009, 1_000), (10_010, 1_001)],
)
def test_the_bulk_discount_starts_at_exactly_100_and_rounds_down(subtotal, discount):
    assert quote(one(subtotal)).discount_cents == discount


@pytest.mark.parametrize(("after_discount", "shipping"), [(4_999, 499), (5_000, 0), (5_001, 0)])
def test_shipping_is_free_from_exactly_50(after_discount, shipping):
    assert quote(one(after_discount)).shipping_cents == shipping


def test_free_shipping_is_judged_after_the_discount():
    priced = quote(one(5_400), coupon="WELCOME5")  # 54.00 - 5.00 = 49.00

    assert (priced.discount_cents, priced.shipping_cents, priced.total_cents) == (500, 499, 5_399)


def test_the_welcome_coupon_takes_5_off_a_first_order():
    assert quote(one(2_000), coupon="WELCOME5", previous_orders=0).discount_cents == 500


def test_the_welcome_coupon_adds_to_the_bulk_discount():
    assert quote(one(20_000), coupon="WELCOME5").discount_cents == 2_500


@pytest.mark.parametrize("previous", [1, 2, 10])
def test_the_welcome_coupon_is_refused_after_a_first_order(previous):
    with pytest.raises(PricingError, match="first order"):
        quote(one(2_000), coupon="WELCOME5", previous_orders=previous)


@pytest.mark.parametrize("code", ["WELCOME10", "welcome5", ""])
def test_an_unknown_coupon_is_refused(code):
    with pytest.raises(PricingError, match="unknown coupon"):
        quote(one(2_000), coupon=code)


def test_the_discount_never_exceeds_the_subtotal():
    priced = quote(one(300), coupon="WELCOME5")

    assert (priced.discount_cents, priced.total_cents) == (300, 499)


def test_a_free_item_is_allowed():
    assert quote(one(0)).total_cents == 499


@pytest.mark.parametrize("quantity", [1, 99])
def test_quantities_from_1_to_99_are_accepted(quantity):
    assert quote(one(10, quantity)).subtotal_cents == 10 * quantity


@pytest.mark.parametrize("quantity", [0, -1, 100])
def test_quantities_outside_1_to_99_are_refused(quantity):
    with pytest.raises(PricingError, match="quantity"):
        quote(one(10, quantity))


def test_a_negative_price_is_refused():
    with pytest.raises(PricingError, match="negative"):
        quote(one(-1))


def test_an_order_without_lines_is_refused():
    with pytest.raises(PricingError, match="at least one line"):
        quote([])
    # END SOLUTION
