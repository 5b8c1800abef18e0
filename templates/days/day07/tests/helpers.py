"""Shared helpers for the tests (plain functions, so a failure is reported inside the test)."""

from sqlalchemy import text

NORMALIZED_TABLES = {"users", "products", "orders", "order_items"}
SCHEMA_MISSING = "sql/normalized.sql must create users, products, orders and order_items"


def stock_shop(engine) -> dict[str, int]:
    """One user and three products with some stock, inserted directly (no migration needed).
    Returns their ids by email or sku."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (email, name, city) VALUES ('ada@example.com', 'Ada', 'London')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO products (sku, name, price_cents, stock) VALUES"
                " ('KB-01', 'Mechanical keyboard', 11900, 5),"
                " ('CB-02', 'USB-C cable', 900, 10),"
                " ('MA-04', 'Monitor arm', 7900, 1)"
            )
        )
        ids = dict(conn.execute(text("SELECT email, id FROM users")).all())
        ids.update(conn.execute(text("SELECT sku, id FROM products")).all())
    return ids


def snapshot(engine) -> dict:
    """Everything place_order may touch, to compare before and after a failed call."""
    with engine.connect() as conn:
        return {
            "orders": conn.execute(text("SELECT COUNT(*) FROM orders")).scalar_one(),
            "order_items": conn.execute(text("SELECT COUNT(*) FROM order_items")).scalar_one(),
            "stock": conn.execute(text("SELECT sku, stock FROM products ORDER BY sku")).all(),
        }
