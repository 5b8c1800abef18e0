"""Unit tests of the order state machine in shop.orders."""

# BEGIN SOLUTION
# STARTER: # TODO(day34): tests for Order.apply(): allowed and refused transitions, history
import pytest

from shop.orders import InvalidTransition, Order, Status


def order_in(status: Status) -> Order:
    return Order(id=1, user_id=7, total_cents=1000, status=status)


def test_a_new_order_is_pending_with_no_history():
    order = Order(id=1, user_id=7, total_cents=1000)

    assert (order.status, order.history) == (Status.PENDING, [])


def test_the_happy_path_records_every_status_left_behind():
    order = Order(id=1, user_id=7, total_cents=1000)

    assert [order.apply(e) for e in ("pay", "ship", "deliver")] == [
        Status.PAID,
        Status.SHIPPED,
        Status.DELIVERED,
    ]
    assert order.history == [Status.PENDING, Status.PAID, Status.SHIPPED]


@pytest.mark.parametrize("status", [Status.PENDING, Status.PAID])
def test_pending_and_paid_orders_can_be_cancelled(status):
    order = order_in(status)

    assert order.apply("cancel") is Status.CANCELLED


@pytest.mark.parametrize(
    ("status", "event"),
    [
        (Status.PENDING, "ship"),
        (Status.PENDING, "deliver"),
        (Status.PAID, "pay"),
        (Status.PAID, "deliver"),
        (Status.SHIPPED, "cancel"),
        (Status.SHIPPED, "pay"),
        (Status.DELIVERED, "cancel"),
        (Status.CANCELLED, "pay"),
        (Status.CANCELLED, "ship"),
        (Status.PENDING, "refund"),
    ],
)
def test_a_refused_event_leaves_the_order_unchanged(status, event):
    order = order_in(status)

    with pytest.raises(InvalidTransition, match=event):
        order.apply(event)
    assert (order.status, order.history) == (status, [])
    # END SOLUTION
