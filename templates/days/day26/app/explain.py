"""Print the plans of the hot queries before and after your migration.

uv run python -m app.explain              # SQLite: EXPLAIN QUERY PLAN, before and after
uv run --env-file .env python -m app.explain --postgres   # Postgres: EXPLAIN ANALYZE
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date

from app import db, queries, seed

QUERIES = {
    "user orders": queries.user_orders_query(7, "shipped"),
    "day queue": queries.day_queue_query("shipped", date(2025, 3, 14)),
    "product sales": queries.product_sales_query("shipped", date(2025, 3, 1), date(2025, 4, 1)),
}


def sqlite_plans() -> None:
    conn = sqlite3.connect(":memory:")
    db.load(conn, seed.rows())
    before = {name: db.explain(conn, *query) for name, query in QUERIES.items()}
    try:
        db.migrate(conn)
    except NotImplementedError as exc:
        print(f"(no plans after the migration yet: {exc})\n")
        conn = None
    for name, query in QUERIES.items():
        print(f"== {name}\n{query[0]}")
        print("-- before:\n   " + "\n   ".join(before[name]))
        if conn is not None:
            print("-- after:\n   " + "\n   ".join(db.explain(conn, *query)))
        print()


def postgres_plans() -> None:
    from app import postgres

    with postgres.connect() as conn:
        postgres.reset(conn, seed.rows())
        before = {name: postgres.explain_analyze_text(conn, *q) for name, q in QUERIES.items()}
        postgres.migrate(conn)
        for name, query in QUERIES.items():
            print(f"== {name}\n{query[0]}")
            print("-- before:\n   " + "\n   ".join(before[name]))
            after = postgres.explain_analyze_text(conn, *query)
            print("-- after:\n   " + "\n   ".join(after) + "\n")


if __name__ == "__main__":
    postgres_plans() if "--postgres" in sys.argv[1:] else sqlite_plans()
