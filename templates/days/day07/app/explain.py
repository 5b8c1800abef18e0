"""Build the database, migrate it, and print the plan of each report query.

    uv run python -m app.explain                          # SQLite (day07.db): EXPLAIN QUERY PLAN
    uv run --env-file .env python -m app.explain          # Postgres: EXPLAIN ANALYZE
    uv run --env-file .env python -m app.explain --keep   # plans only, data left as it is

Read the plans next to the indexes in sql/normalized.sql: which index does each query use?
"""

import sys

from sqlalchemy import text

from app.db import build, explain, make_engine
from app.migrate import migrate_flat_orders
from app.reports import ORDER_LINES_SQL, ORDERS_WITH_PRODUCT_SQL, RECENT_ORDERS_SQL


def main(argv: list[str]) -> None:
    engine = make_engine()
    if "--keep" not in argv:
        build(engine)
        with engine.begin() as conn:
            counts = migrate_flat_orders(conn)
        print(f"migrated into {engine.url!r}: {counts}")

    with engine.connect() as conn:
        user_id = conn.execute(text("SELECT MIN(id) FROM users")).scalar_one()
        product_id = conn.execute(text("SELECT MIN(id) FROM products")).scalar_one()
        order_id = conn.execute(text("SELECT MIN(id) FROM orders")).scalar_one()
        queries = [
            ("recent orders of a user", RECENT_ORDERS_SQL, {"user_id": user_id, "limit": 10}),
            ("orders containing a product", ORDERS_WITH_PRODUCT_SQL, {"product_id": product_id}),
            ("the lines of an order", ORDER_LINES_SQL, {"order_id": order_id}),
        ]
        analyze = engine.dialect.name == "postgresql"
        for title, sql, params in queries:
            print(f"\n== {title}\n{sql}\n-- plan:")
            for line in explain(conn, sql, params, analyze=analyze):
                print(f"   {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
