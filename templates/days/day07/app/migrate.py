"""Move the rows of orders_flat into the normalized tables.

The flat table has drifted, as copies do: Ada's name and city differ between her orders, and
two products were sold at different prices over time. The rule for conflicting copies is:
the most recent order wins (latest `ordered_at`; on a tie, the larger `order_id`).

- users: one row per customer_email; name and city from that customer's most recent order.
- products: one row per product_sku; name and price_cents from the most recent order line of
  that product; stock stays at its default (nobody counted the warehouse).
- orders: one row per order_id, KEEPING the original order_id as orders.id (emails, invoices and
  support tickets already mention those numbers); user_id found through the email.
- order_items: one row per flat row, with the quantity and the unit price actually paid.

Do it with INSERT ... SELECT statements (the database moves the rows without them passing
through Python) or by reading the flat rows in Python and inserting; both are fine. Window
functions (ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)) work in SQLite and Postgres.

The function does not commit: the caller runs it inside `with engine.begin() as conn:` so that a
migration that fails half-way leaves the database as it was.
"""

from sqlalchemy import Connection, text

from app.db import sync_identity  # noqa: F401  (for the TODO below)


def _count(conn: Connection, table: str) -> int:
    return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def migrate_flat_orders(conn: Connection) -> dict[str, int]:
    """Fill users, products, orders and order_items from orders_flat.

    Return how many rows each table holds afterwards, e.g.
    {"users": 3, "products": 4, "orders": 6, "order_items": 10}.
    After inserting orders with explicit ids, call `sync_identity(conn, "orders")` so that new
    orders placed on Postgres do not reuse those ids.
    """
    # BEGIN SOLUTION
    conn.execute(
        text(
            """
            INSERT INTO users (email, name, city)
            SELECT customer_email, customer_name, customer_city
            FROM (
                SELECT customer_email, customer_name, customer_city,
                       ROW_NUMBER() OVER (
                           PARTITION BY customer_email
                           ORDER BY ordered_at DESC, order_id DESC
                       ) AS recency
                FROM orders_flat
            ) AS latest
            WHERE recency = 1
            ORDER BY customer_email
            """
        )
    )
    conn.execute(
        text(
            """
            INSERT INTO products (sku, name, price_cents)
            SELECT product_sku, product_name, unit_price_cents
            FROM (
                SELECT product_sku, product_name, unit_price_cents,
                       ROW_NUMBER() OVER (
                           PARTITION BY product_sku
                           ORDER BY ordered_at DESC, order_id DESC
                       ) AS recency
                FROM orders_flat
            ) AS latest
            WHERE recency = 1
            ORDER BY product_sku
            """
        )
    )
    conn.execute(
        text(
            """
            INSERT INTO orders (id, user_id, created_at, status)
            SELECT DISTINCT f.order_id, u.id, f.ordered_at, f.status
            FROM orders_flat AS f
            JOIN users AS u ON u.email = f.customer_email
            ORDER BY f.order_id
            """
        )
    )
    sync_identity(conn, "orders")
    conn.execute(
        text(
            """
            INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
            SELECT f.order_id, p.id, f.quantity, f.unit_price_cents
            FROM orders_flat AS f
            JOIN products AS p ON p.sku = f.product_sku
            """
        )
    )
    return {table: _count(conn, table) for table in ("users", "products", "orders", "order_items")}
    # STARTER: raise NotImplementedError("TODO(day07): move orders_flat into the 3NF tables")
    # END SOLUTION
