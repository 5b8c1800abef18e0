"""Building the shop database and reading query plans (given).

SQLite is the lab's database: the tests build a fresh file from `sql/schema.sql` and the seed
data, then run your migration, `sql/indexes.sql`, on it. The same SQL files run on the compose
Postgres for the `live` tests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.seed import ShopData

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA = SQL_DIR / "schema.sql"
MIGRATION = SQL_DIR / "indexes.sql"


def split_statements(script: str) -> list[str]:
    """Drop `--` comments and split on `;` (the lab's SQL keeps both out of string literals)."""
    without_comments = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [part.strip() for part in without_comments.split(";") if part.strip()]


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def load(conn: sqlite3.Connection, data: ShopData) -> None:
    """Create the tables and insert the rows, then gather the planner's statistics."""
    for statement in split_statements(SCHEMA.read_text(encoding="utf-8")):
        conn.execute(statement)
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", data.users)
    conn.executemany("INSERT INTO products VALUES (?, ?, ?, ?)", data.products)
    conn.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?)", data.orders)
    conn.executemany("INSERT INTO order_items VALUES (?, ?, ?, ?, ?)", data.items)
    conn.commit()
    conn.execute("ANALYZE")


def migration_statements() -> list[str]:
    statements = split_statements(MIGRATION.read_text(encoding="utf-8"))
    if not statements:
        raise NotImplementedError(
            "TODO(day26): write the CREATE INDEX statements in sql/indexes.sql"
        )
    return statements


def migrate(conn: sqlite3.Connection) -> None:
    """Run sql/indexes.sql in one transaction, then refresh the planner's statistics."""
    statements = migration_statements()
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.execute("ANALYZE")


def explain(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[str]:
    """SQLite's plan for `sql`, one line per step, e.g.

    "SEARCH orders USING COVERING INDEX idx_x (user_id=? AND status=?)"
    "SCAN orders"                                   every row of the table is read
    "USE TEMP B-TREE FOR ORDER BY"                  the rows are sorted after reading them
    """
    return [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def indexes(conn: sqlite3.Connection) -> dict[str, tuple[str, list[str]]]:
    """The indexes created by SQL (not the automatic ones): name -> (table, key columns)."""
    found = {}
    for name, table in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ):
        columns = [row[2] for row in conn.execute(f"PRAGMA index_info('{name}')")]
        found[name] = (table, columns)
    return found
