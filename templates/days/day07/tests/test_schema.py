import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from tests.helpers import NORMALIZED_TABLES, SCHEMA_MISSING


def run(engine, sql: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql))


def test_normalized_tables_have_the_specified_columns_and_keys(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    inspector = inspect(engine)

    def columns(table: str) -> set[str]:
        return {column["name"] for column in inspector.get_columns(table)}

    def references(table: str) -> set[tuple[str, str]]:
        return {
            (fk["constrained_columns"][0], fk["referred_table"])
            for fk in inspector.get_foreign_keys(table)
        }

    assert columns("users") == {"id", "email", "name", "city"}
    assert columns("products") == {"id", "sku", "name", "price_cents", "stock"}
    assert columns("orders") == {"id", "user_id", "created_at", "status"}
    assert columns("order_items") == {"order_id", "product_id", "quantity", "unit_price_cents"}
    pk = inspector.get_pk_constraint("order_items")["constrained_columns"]
    assert sorted(pk) == ["order_id", "product_id"]
    assert references("orders") == {("user_id", "users")}
    assert references("order_items") == {("order_id", "orders"), ("product_id", "products")}


def test_constraints_reject_duplicates_orphans_and_negative_values(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    run(engine, "INSERT INTO users (email, name, city) VALUES ('ada@example.com', 'Ada', 'X')")
    run(engine, "INSERT INTO products (sku, name, price_cents) VALUES ('KB-01', 'Keyboard', 1)")
    run(engine, "INSERT INTO orders (user_id) VALUES (1)")
    run(engine, "INSERT INTO order_items VALUES (1, 1, 1, 100)")

    with engine.connect() as conn:
        order = conn.execute(text("SELECT status, created_at FROM orders")).one()
        stock = conn.execute(text("SELECT stock FROM products")).scalar_one()
    assert order.status == "pending" and order.created_at is not None
    assert stock == 0

    for statement in (
        "INSERT INTO users (email, name, city) VALUES ('ada@example.com', 'Other', 'Y')",
        "INSERT INTO products (sku, name, price_cents) VALUES ('KB-01', 'Other', 2)",
        "INSERT INTO products (sku, name, price_cents, stock) VALUES ('X-1', 'X', 1, -1)",
        "INSERT INTO orders (user_id) VALUES (99)",
        "INSERT INTO orders (user_id, status) VALUES (1, 'lost')",
        "INSERT INTO order_items VALUES (1, 1, 2, 100)",
        "INSERT INTO order_items VALUES (1, 99, 1, 100)",
    ):
        with pytest.raises(IntegrityError):
            run(engine, statement)
