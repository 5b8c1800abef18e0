"""The shop's hot queries: each builds its SQL and parameters, then runs it.

The plans of these queries are what tests/test_plans.py reads; their answers are what
tests/test_results.py compares with the data. Change how a query finds its rows, never which
rows it returns.
"""

from __future__ import annotations

import sqlite3
# BEGIN SOLUTION
from datetime import date, timedelta
# STARTER: from datetime import date
# END SOLUTION
from typing import Any

Query = tuple[str, dict[str, Any]]


def user_orders_query(user_id: int, status: str) -> Query:
    """A user's latest orders in one status, newest first (the "My orders" page)."""
    sql = (
        "SELECT id, status, total_cents, created_at FROM orders"
        " WHERE user_id = :user_id AND status = :status"
        " ORDER BY created_at DESC LIMIT 20"
    )
    return sql, {"user_id": user_id, "status": status}


def day_queue_query(status: str, day: date) -> Query:
    """The orders of one day in one status, oldest first (the warehouse's work queue)."""
    # BEGIN SOLUTION
    # A function around the column (date(created_at)) hides it from every index; a range on
    # the bare column, [midnight, next midnight), selects the same rows and can be searched.
    sql = (
        "SELECT id, user_id, total_cents, created_at FROM orders"
        " WHERE status = :status AND created_at >= :start AND created_at < :end"
        " ORDER BY created_at"
    )
    start = day.isoformat()
    end = (day + timedelta(days=1)).isoformat()
    return sql, {"status": status, "start": start, "end": end}
    # STARTER: # TODO(day26): rewrite the filter so an index can seek it; keep the same rows.
    # STARTER: sql = (
    # STARTER:     "SELECT id, user_id, total_cents, created_at FROM orders"
    # STARTER:     " WHERE status = :status AND date(created_at) = :day"
    # STARTER:     " ORDER BY created_at"
    # STARTER: )
    # STARTER: return sql, {"status": status, "day": day.isoformat()}
    # END SOLUTION


def product_sales_query(status: str, start: date, end: date) -> Query:
    """Units and revenue per product over orders in [start, end) in one status (a report)."""
    sql = (
        "SELECT p.sku, SUM(oi.quantity) AS units,"
        " SUM(oi.quantity * oi.unit_price_cents) AS revenue_cents"
        " FROM orders AS o"
        " JOIN order_items AS oi ON oi.order_id = o.id"
        " JOIN products AS p ON p.id = oi.product_id"
        " WHERE o.status = :status AND o.created_at >= :start AND o.created_at < :end"
        " GROUP BY p.sku"
        " ORDER BY revenue_cents DESC, p.sku"
    )
    return sql, {"status": status, "start": start.isoformat(), "end": end.isoformat()}


def run(conn: sqlite3.Connection, query: Query) -> list[tuple]:
    sql, params = query
    return [tuple(row) for row in conn.execute(sql, params)]
