import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

SCHEMA_MISSING = "sql/schema.sql must create the users and orders tables"


def insert(engine, sql: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql))


def test_schema_creates_the_specified_columns_keys_and_foreign_key(engine, tables):
    assert {"users", "orders"} <= tables, SCHEMA_MISSING
    inspector = inspect(engine)

    user_columns = {column["name"] for column in inspector.get_columns("users")}
    order_columns = {column["name"] for column in inspector.get_columns("orders")}
    assert user_columns == {"id", "name", "email", "created_at"}
    assert order_columns == {
        "id",
        "user_id",
        "item",
        "quantity",
        "amount_cents",
        "status",
        "created_at",
    }
    assert inspector.get_pk_constraint("users")["constrained_columns"] == ["id"]
    assert inspector.get_pk_constraint("orders")["constrained_columns"] == ["id"]
    [foreign_key] = inspector.get_foreign_keys("orders")
    assert foreign_key["constrained_columns"] == ["user_id"]
    assert foreign_key["referred_table"] == "users"
    assert foreign_key["referred_columns"] == ["id"]


def test_two_users_cannot_share_an_email(engine, tables):
    assert {"users", "orders"} <= tables, SCHEMA_MISSING
    insert(engine, "INSERT INTO users (name, email) VALUES ('Ada', 'ada@example.com')")

    with pytest.raises(IntegrityError):
        insert(engine, "INSERT INTO users (name, email) VALUES ('Not Ada', 'ada@example.com')")

    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM users")).scalar_one() == 1


def test_required_columns_reject_missing_values(engine, tables):
    assert {"users", "orders"} <= tables, SCHEMA_MISSING
    insert(engine, "INSERT INTO users (name, email) VALUES ('Ada', 'ada@example.com')")

    for statement in (
        "INSERT INTO users (name) VALUES ('No Email')",
        "INSERT INTO users (email) VALUES ('no-name@example.com')",
        "INSERT INTO orders (user_id, amount_cents) VALUES (1, 500)",
        "INSERT INTO orders (user_id, item) VALUES (1, 'desk')",
        "INSERT INTO orders (item, amount_cents) VALUES ('desk', 500)",
    ):
        with pytest.raises(IntegrityError):
            insert(engine, statement)


def test_orders_must_belong_to_an_existing_user(engine, tables):
    assert {"users", "orders"} <= tables, SCHEMA_MISSING

    with pytest.raises(IntegrityError):
        insert(engine, "INSERT INTO orders (user_id, item, amount_cents) VALUES (42, 'desk', 500)")


def test_order_defaults_and_checks(engine, tables):
    assert {"users", "orders"} <= tables, SCHEMA_MISSING
    insert(engine, "INSERT INTO users (name, email) VALUES ('Ada', 'ada@example.com')")
    insert(engine, "INSERT INTO orders (user_id, item, amount_cents) VALUES (1, 'desk', 500)")

    with engine.connect() as conn:
        row = conn.execute(text("SELECT quantity, status, created_at FROM orders")).one()
    assert row.quantity == 1
    assert row.status == "pending"
    assert row.created_at is not None

    columns = "INSERT INTO orders (user_id, item, quantity, amount_cents, status) VALUES "
    for values in (
        "(1, 'desk', 0, 500, 'paid')",  # quantity must be > 0
        "(1, 'desk', 1, -1, 'paid')",  # amount_cents must be >= 0
        "(1, 'desk', 1, 500, 'lost')",  # not one of the four statuses
    ):
        with pytest.raises(IntegrityError):
            insert(engine, columns + values)
