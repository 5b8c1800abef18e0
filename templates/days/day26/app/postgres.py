"""The same shop on the compose Postgres, for EXPLAIN ANALYZE and partitioning (given).

DATABASE_URL (see .env.example) says where it runs. The queries of app/queries.py use SQLite's
`:name` parameters; `to_psycopg` turns them into psycopg's `%(name)s`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

import psycopg

from app.db import SCHEMA, migration_statements, split_statements
from app.seed import ShopData

TABLES = ("order_items", "orders", "products", "users")


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "postgresql+psycopg://")):
        raise RuntimeError("set DATABASE_URL to the compose Postgres (see .env.example)")
    return url.replace("postgresql+psycopg://", "postgresql://")


def connect() -> psycopg.Connection:
    return psycopg.connect(database_url(), autocommit=True)


def to_psycopg(sql: str) -> str:
    return re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)


def reset(conn: psycopg.Connection, data: ShopData) -> None:
    """Drop everything of this lab, create the tables and load the rows."""
    conn.execute("DROP TABLE IF EXISTS orders_by_month CASCADE")
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    for statement in split_statements(SCHEMA.read_text(encoding="utf-8")):
        conn.execute(statement)
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO users VALUES (%s, %s, %s)", data.users)
        cur.executemany("INSERT INTO products VALUES (%s, %s, %s, %s)", data.products)
        cur.executemany("INSERT INTO orders VALUES (%s, %s, %s, %s, %s)", data.orders)
        cur.executemany("INSERT INTO order_items VALUES (%s, %s, %s, %s, %s)", data.items)
    conn.execute("VACUUM ANALYZE")


def migrate(conn: psycopg.Connection) -> None:
    with conn.transaction():
        for statement in migration_statements():
            conn.execute(statement)
    conn.execute("VACUUM ANALYZE")


def explain_analyze(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> dict:
    """EXPLAIN (ANALYZE, FORMAT JSON): the plan Postgres ran, with actual rows and timings."""
    with psycopg.ClientCursor(conn) as cur:  # parameters inlined: EXPLAIN sees real values
        cur.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {to_psycopg(sql)}", params)
        (document,) = cur.fetchone()
    plan = json.loads(document) if isinstance(document, str) else document
    return plan[0]["Plan"]


def explain_analyze_text(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> list[str]:
    """The same as text, as you would read it in psql."""
    with psycopg.ClientCursor(conn) as cur:
        cur.execute(f"EXPLAIN (ANALYZE, BUFFERS) {to_psycopg(sql)}", params)
        return [row[0] for row in cur.fetchall()]


def run(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> list[tuple]:
    """Rows as SQLite gives them: timestamps as 'YYYY-MM-DD HH:MM:SS' text."""
    rows = conn.execute(to_psycopg(sql), params).fetchall()
    return [
        tuple(v.strftime("%Y-%m-%d %H:%M:%S") if hasattr(v, "strftime") else v for v in row)
        for row in rows
    ]


def nodes(plan: dict) -> Iterator[dict]:
    """Every node of a JSON plan, parents before children."""
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)
