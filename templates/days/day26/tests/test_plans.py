"""The plans of the hot queries before and after sql/indexes.sql, read with EXPLAIN QUERY PLAN."""

import re
from datetime import date

import sqlglot
from sqlglot import exp

from app import queries
from app.db import explain, indexes
from app.plans import covering_search, full_scans, sorts_after_reading

EQUALITY_THEN_RANGE = re.compile(r"^status=\? AND created_at>\? AND created_at<\?$")


def show(plan: list[str]) -> str:
    return "\n   " + "\n   ".join(plan)


def assert_lists_every_column(conn, index: str, sql: str, alias: str | None = None) -> None:
    """SQLite covers `id` (the rowid) by itself; Postgres only covers what the index lists."""
    tree = sqlglot.parse_one(sql, read="sqlite")
    read = {c.name for c in tree.find_all(exp.Column) if alias is None or c.table == alias}
    listed = set(indexes(conn)[index][1])
    missing = sorted(read - listed)
    assert not missing, (
        f"{index} covers this query on SQLite only: it does not list {missing}, which the "
        "query reads (Postgres would visit the table for them)"
    )


def test_user_orders_go_from_scan_and_sort_to_a_covering_index_search(shop):
    query = queries.user_orders_query(7, "shipped")
    before = explain(shop.before, *query)
    assert full_scans(before, "orders") and sorts_after_reading(before), show(before)

    after = explain(shop.after(), *query)
    found = covering_search(after, "orders")
    assert found, f"orders is not searched through a covering index:{show(after)}"
    index, constraint = found
    assert sorted(constraint.split(" AND ")) == ["status=?", "user_id=?"], (
        f"{index} should be entered by both equalities (user_id, status), not {constraint!r}"
    )
    assert_lists_every_column(shop.after(), index, query[0])
    assert not sorts_after_reading(after), f"the rows are still sorted after reading:{show(after)}"


def test_day_queue_seeks_the_status_then_the_day_range_in_a_covering_index(shop):
    query = queries.day_queue_query("shipped", date(2025, 3, 14))
    before = explain(shop.before, *query)
    assert full_scans(before, "orders") and sorts_after_reading(before), show(before)

    after = explain(shop.after(), *query)
    found = covering_search(after, "orders")
    assert found, f"orders is not searched through a covering index:{show(after)}"
    index, constraint = found
    assert EQUALITY_THEN_RANGE.match(constraint), (
        f"{index} is entered by {constraint!r}: the index should narrow to one status, then "
        "seek the day as a range of created_at (is the date filter one the index can use?)"
    )
    assert_lists_every_column(shop.after(), index, query[0])
    assert not sorts_after_reading(after), f"the rows are still sorted after reading:{show(after)}"


def test_product_sales_join_reads_no_table_in_full(shop):
    query = queries.product_sales_query("shipped", date(2025, 3, 1), date(2025, 4, 1))
    before = explain(shop.before, *query)
    assert full_scans(before, "oi") or full_scans(before, "o"), show(before)

    after = explain(shop.after(), *query)
    scans = [line for alias in ("o", "oi", "p") for line in full_scans(after, alias)]
    assert not scans, f"tables still read in full:{show(after)}"
    orders_side = covering_search(after, "o")
    assert orders_side and EQUALITY_THEN_RANGE.match(orders_side[1]), (
        f"orders should be sought by status and date range in a covering index:{show(after)}"
    )
    items_side = covering_search(after, "oi")
    assert items_side and items_side[1] == "order_id=?", (
        f"order_items should be looked up by order_id in a covering index:{show(after)}"
    )
    assert_lists_every_column(shop.after(), orders_side[0], query[0], "o")
    assert_lists_every_column(shop.after(), items_side[0], query[0], "oi")
