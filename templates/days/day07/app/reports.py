"""Three read queries the indexes and keys in sql/normalized.sql are made for (given)."""

from typing import Any

from sqlalchemy import Connection, text

RECENT_ORDERS_SQL = """
SELECT id, created_at, status
FROM orders
WHERE user_id = :user_id
ORDER BY created_at DESC
LIMIT :limit
""".strip()

ORDERS_WITH_PRODUCT_SQL = """
SELECT order_id, quantity, unit_price_cents
FROM order_items
WHERE product_id = :product_id
""".strip()

ORDER_LINES_SQL = """
SELECT product_id, quantity, unit_price_cents
FROM order_items
WHERE order_id = :order_id
""".strip()


def recent_orders(conn: Connection, user_id: int, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(text(RECENT_ORDERS_SQL), {"user_id": user_id, "limit": limit})
    return [dict(row) for row in rows.mappings()]


def orders_with_product(conn: Connection, product_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(text(ORDERS_WITH_PRODUCT_SQL), {"product_id": product_id})
    return [dict(row) for row in rows.mappings()]


def order_lines(conn: Connection, order_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(text(ORDER_LINES_SQL), {"order_id": order_id})
    return [dict(row) for row in rows.mappings()]
