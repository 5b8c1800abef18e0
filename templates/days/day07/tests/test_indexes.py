"""EXPLAIN QUERY PLAN on SQLite: each report query must SEARCH through the right index, never
SCAN the whole table or sort the rows afterwards (USE TEMP B-TREE)."""

import re

from sqlalchemy import inspect

from app.db import explain
from app.reports import ORDER_LINES_SQL, ORDERS_WITH_PRODUCT_SQL, RECENT_ORDERS_SQL
from tests.helpers import NORMALIZED_TABLES, SCHEMA_MISSING


def index_names(engine, table: str) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes(table)}


def plan_of(engine, sql: str, params: dict) -> str:
    with engine.connect() as conn:
        return "\n".join(explain(conn, sql, params))


def searches(plan: str, table: str, index: str, lookup: str) -> bool:
    """Does a line of `plan` read `table` through `index` (a regex) with the lookup `lookup`?"""
    line = rf"^SEARCH {table} USING (?:COVERING )?(?:INDEX {index}|PRIMARY KEY) \({lookup}\)$"
    return re.search(line, plan, re.MULTILINE) is not None


def test_recent_orders_use_one_composite_index_for_the_filter_and_the_sort(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    assert "idx_orders_user_created" in index_names(engine, "orders"), (
        "create idx_orders_user_created at the bottom of sql/normalized.sql"
    )

    plan = plan_of(engine, RECENT_ORDERS_SQL, {"user_id": 1, "limit": 10})

    assert searches(plan, "orders", "idx_orders_user_created", r"user_id=\?"), (
        f"the filter on user_id does not go through idx_orders_user_created:\n{plan}"
    )
    assert "TEMP B-TREE" not in plan, f"the rows are sorted after reading them:\n{plan}"


def test_orders_containing_a_product_are_found_through_the_product_index(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    assert "idx_order_items_product" in index_names(engine, "order_items"), (
        "create idx_order_items_product at the bottom of sql/normalized.sql"
    )

    plan = plan_of(engine, ORDERS_WITH_PRODUCT_SQL, {"product_id": 1})

    assert searches(plan, "order_items", "idx_order_items_product", r"product_id=\?"), plan
    assert not re.search(r"^SCAN order_items", plan, re.MULTILINE), plan


def test_the_lines_of_an_order_are_found_through_the_primary_key(engine, tables):
    """No extra index for order_id: the primary key (order_id, product_id) starts with it."""
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING

    plan = plan_of(engine, ORDER_LINES_SQL, {"order_id": 1})

    assert searches(plan, "order_items", r"sqlite_autoindex_order_items_\d+", r"order_id=\?"), (
        f"order_items is not searched through its primary key on order_id:\n{plan}"
    )
