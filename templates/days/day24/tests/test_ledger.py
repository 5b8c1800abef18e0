"""The ledger reads a time range in time order, end excluded."""

from datetime import UTC, datetime

from analytics.ledger import Ledger, PlacedOrder


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 12, tzinfo=UTC)


def ids(orders) -> list[int]:
    return [order.order_id for order in orders]


def test_a_range_is_oldest_first_and_excludes_its_end(ledger):
    # The ledger fixture holds orders 1..5 placed on March 3, 5, 2, 1, 4 (recorded in that order).
    assert ids(ledger.in_range(at(2), at(5))) == [3, 1, 5]
    assert ids(ledger.in_range(at(1), at(30))) == [4, 3, 1, 5, 2]
    assert ids(ledger.in_range(at(6), at(9))) == []


def test_orders_placed_at_the_same_moment_come_in_id_order():
    ledger = Ledger(
        [PlacedOrder(9, 1, 100, at(3)), PlacedOrder(2, 1, 100, at(3)), PlacedOrder(5, 1, 1, at(2))]
    )
    assert ids(ledger.in_range(at(3), at(4))) == [2, 9]
    assert ids(ledger.in_range(at(1), at(4))) == [5, 2, 9]
