"""The hot queries return the same rows before and after the migration, and the right ones."""

from datetime import date, timedelta

from app import queries
from app.seed import STATUSES
from tests import expected


def check(conn, query, want, label: str, where: str) -> None:
    got = queries.run(conn, query)
    if got == want:
        return
    missing = [row for row in want if row not in got]
    extra = [row for row in got if row not in want]
    detail = f"missing {missing[:3]}, unexpected {extra[:3]}" if missing or extra else "order"
    raise AssertionError(
        f"{label} {where} the migration returns other rows than the data: {detail}"
    )


def midnight_days(data) -> list[date]:
    """Days on which an order was placed at exactly 00:00:00: the boundary cases."""
    return sorted({date.fromisoformat(o[4][:10]) for o in data.orders if o[4].endswith("00:00:00")})


def test_user_orders_are_the_same_before_and_after_and_match_the_data(shop):
    after = shop.after()
    for user_id in range(1, 301, 23):
        for status in STATUSES:
            query = queries.user_orders_query(user_id, status)
            want = expected.user_orders(shop.data, user_id, status)
            label = f"user_orders({user_id}, {status!r})"
            check(shop.before, query, want, label, "before")
            check(after, query, want, label, "after")


def test_day_queue_returns_every_order_of_the_day_including_midnight(shop):
    after = shop.after()
    days = midnight_days(shop.data)
    assert len(days) > 40
    for day in days + [day - timedelta(days=1) for day in days[:10]]:
        for status in STATUSES:
            query = queries.day_queue_query(status, day)
            want = expected.day_queue(shop.data, status, day)
            label = f"day_queue({status!r}, {day})"
            check(shop.before, query, want, label, "before")
            check(after, query, want, label, "after")


def test_product_sales_are_the_same_before_and_after_and_match_the_data(shop):
    after = shop.after()
    for month in range(1, 13):
        start = date(2025, month, 1)
        end = date(2025 + month // 12, month % 12 + 1, 1)
        for status in ("paid", "shipped"):
            query = queries.product_sales_query(status, start, end)
            want = expected.product_sales(shop.data, status, start, end)
            assert want
            label = f"product_sales({status!r}, {start}, {end})"
            check(shop.before, query, want, label, "before")
            check(after, query, want, label, "after")
