import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from app.orders import OutOfStockError, UnknownProductError, place_order
from tests.helpers import NORMALIZED_TABLES, SCHEMA_MISSING, snapshot, stock_shop


def test_place_order_writes_the_order_and_its_items_and_takes_stock(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)

    order_id = place_order(engine, ids["ada@example.com"], [("KB-01", 2), ("CB-02", 3)])
    second_id = place_order(engine, ids["ada@example.com"], [("MA-04", 1)])

    assert second_id != order_id
    with engine.connect() as conn:
        order = conn.execute(
            text("SELECT user_id, status FROM orders WHERE id = :id"), {"id": order_id}
        ).one()
        items = conn.execute(
            text(
                "SELECT product_id, quantity, unit_price_cents FROM order_items"
                " WHERE order_id = :id ORDER BY product_id"
            ),
            {"id": order_id},
        ).all()
        stock = dict(conn.execute(text("SELECT sku, stock FROM products")).all())
    assert tuple(order) == (ids["ada@example.com"], "pending")
    assert sorted(map(tuple, items)) == sorted([(ids["KB-01"], 2, 11900), (ids["CB-02"], 3, 900)])
    assert stock == {"KB-01": 3, "CB-02": 7, "MA-04": 0}


def test_unknown_product_or_missing_stock_midway_writes_nothing(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)
    before = snapshot(engine)

    with pytest.raises(UnknownProductError):
        place_order(engine, ids["ada@example.com"], [("KB-01", 1), ("NOPE-99", 1)])
    assert snapshot(engine) == before

    with pytest.raises(OutOfStockError):
        place_order(engine, ids["ada@example.com"], [("KB-01", 1), ("MA-04", 2)])
    assert snapshot(engine) == before


def test_a_database_error_midway_rolls_back_everything(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)
    before = snapshot(engine)

    with pytest.raises(IntegrityError):  # the same product twice breaks the primary key
        place_order(engine, ids["ada@example.com"], [("KB-01", 1), ("CB-02", 1), ("KB-01", 1)])
    assert snapshot(engine) == before

    with pytest.raises(IntegrityError):  # quantity 0 breaks the CHECK on order_items
        place_order(engine, ids["ada@example.com"], [("CB-02", 1), ("KB-01", 0)])
    assert snapshot(engine) == before


def test_an_order_that_loses_the_race_for_the_last_unit_is_refused(engine, tables):
    """Another checkout takes the last monitor arm after this order looked at the product but
    before its own write reaches the row: this order must fail, not sell a unit that is gone."""
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)
    raced = []

    def other_checkout_wins(conn, cursor, statement, parameters, context, executemany):
        if not raced and statement.lstrip().upper().startswith("UPDATE PRODUCTS"):
            raced.append(statement)
            cursor.connection.execute("UPDATE products SET stock = stock - 1 WHERE sku = 'MA-04'")

    event.listen(engine, "before_cursor_execute", other_checkout_wins)
    try:
        with pytest.raises(OutOfStockError):
            place_order(engine, ids["ada@example.com"], [("MA-04", 1)])
    finally:
        event.remove(engine, "before_cursor_execute", other_checkout_wins)
    assert raced, "place_order must take the stock with an UPDATE of products"
    with engine.connect() as conn:
        stock = conn.execute(text("SELECT stock FROM products WHERE sku = 'MA-04'")).scalar_one()
    assert stock >= 0, "stock went below zero: two orders took the same last unit"
