from sqlalchemy import inspect

from app.db import explain
from app.reports import ORDERS_WITH_PRODUCT_SQL, RECENT_ORDERS_SQL
from tests.helpers import NORMALIZED_TABLES, SCHEMA_MISSING


def index_columns(engine, table: str) -> dict[str, list[str]]:
    return {index["name"]: index["column_names"] for index in inspect(engine).get_indexes(table)}


def test_recent_orders_use_one_composite_index_for_the_filter_and_the_sort(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    assert index_columns(engine, "orders").get("idx_orders_user_created") == [
        "user_id",
        "created_at",
    ]

    with engine.connect() as conn:
        plan = "\n".join(explain(conn, RECENT_ORDERS_SQL, {"user_id": 1, "limit": 10}))

    assert "USING INDEX idx_orders_user_created" in plan or (
        "USING COVERING INDEX idx_orders_user_created" in plan
    ), plan
    assert "TEMP B-TREE" not in plan, f"the rows are sorted after reading them:\n{plan}"


def test_orders_containing_a_product_are_found_through_the_product_index(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    assert index_columns(engine, "order_items").get("idx_order_items_product") == ["product_id"]

    with engine.connect() as conn:
        plan = "\n".join(explain(conn, ORDERS_WITH_PRODUCT_SQL, {"product_id": 1}))

    assert "idx_order_items_product" in plan, plan
    assert not plan.startswith("SCAN"), plan
