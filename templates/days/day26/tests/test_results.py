"""The hot queries return the same rows before and after the migration, and the right ones."""

from datetime import date, timedelta

from app import queries
from app.seed import STATUSES
from tests import expected


def midnight_days(data) -> list[date]:
    """Days on which an order was placed at exactly 00:00:00: the boundary cases."""
    return sorted({date.fromisoformat(o[4][:10]) for o in data.orders if o[4].endswith("00:00:00")})


def test_user_orders_are_the_same_before_and_after_and_match_the_data(shop):
    after = shop.after()
    for user_id in range(1, 301, 23):
        for status in STATUSES:
            query = queries.user_orders_query(user_id, status)
            want = expected.user_orders(shop.data, user_id, status)
            assert queries.run(shop.before, query) == want, (user_id, status)
            assert queries.run(after, query) == want, (user_id, status)


def test_day_queue_returns_every_order_of_the_day_including_midnight(shop):
    after = shop.after()
    days = midnight_days(shop.data)
    assert len(days) > 40
    for day in days + [day - timedelta(days=1) for day in days[:10]]:
        for status in STATUSES:
            query = queries.day_queue_query(status, day)
            want = expected.day_queue(shop.data, status, day)
            assert queries.run(shop.before, query) == want, (day, status)
            assert queries.run(after, query) == want, (
                f"{status} orders of {day}: {len(want)} expected, the query returned "
                f"{len(queries.run(after, query))}"
            )


def test_product_sales_are_the_same_before_and_after_and_match_the_data(shop):
    after = shop.after()
    for month in range(1, 13):
        start = date(2025, month, 1)
        end = date(2025 + month // 12, month % 12 + 1, 1)
        for status in ("paid", "shipped"):
            query = queries.product_sales_query(status, start, end)
            want = expected.product_sales(shop.data, status, start, end)
            assert want
            assert queries.run(shop.before, query) == want, (start, status)
            assert queries.run(after, query) == want, (start, status)
