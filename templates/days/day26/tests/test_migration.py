"""The migration adds what the hot queries use and nothing they do not."""

from datetime import date

from app import queries
from app.db import explain, indexes


def hot_plans(conn) -> list[str]:
    built = [
        queries.user_orders_query(7, "shipped"),
        queries.day_queue_query("shipped", date(2025, 3, 14)),
        queries.product_sales_query("shipped", date(2025, 3, 1), date(2025, 4, 1)),
    ]
    return [line for query in built for line in explain(conn, *query)]


def test_every_new_index_is_used_and_none_is_a_prefix_of_another(shop):
    after = shop.after()
    added = {
        name: spec for name, spec in indexes(after).items() if name not in indexes(shop.before)
    }
    assert added, "sql/indexes.sql created no index"
    plans = "\n".join(hot_plans(after))
    unused = sorted(name for name in added if f"INDEX {name} " not in plans + " ")
    assert not unused, (
        f"indexes no hot query uses (each one slows every write): {unused}\nplans:\n{plans}"
    )
    redundant = [
        f"{name} {columns} is a leftmost prefix of {other} {other_columns}"
        for name, (table, columns) in added.items()
        for other, (other_table, other_columns) in added.items()
        if name != other and table == other_table and other_columns[: len(columns)] == columns
    ]
    assert not redundant, "\n".join(redundant)
