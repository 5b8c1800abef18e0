"""A read-only SQL tool, guarded twice.

Letting a model write SQL against the shop's database is useful ("how many orders did Ada place
in March?") and dangerous: the text can be anything, and a prompt injection can put
`DROP TABLE orders` in it. Two independent guards, so that one mistake is not a breach:

1. **The parser.** `check_select` parses the text with sqlglot (a real SQL parser, not a list of
   forbidden words) and accepts exactly one statement that is a query (SELECT, or a UNION of
   selects, optionally with a WITH clause) and contains no write anywhere inside it.
2. **The connection.** `connect_readonly` opens the file with SQLite's `mode=ro`, so the
   database engine itself refuses to write, whatever text reaches it. It also allows no ATTACH:
   an attached file is opened read-write even when the main one is read-only.

Each guard alone stops a write; the tests turn one off at a time to show it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp

from shop.tools import Tool

MAX_ROWS = 50

# Statements that change something. sqlglot parses what it does not know (REPLACE INTO, VACUUM)
# as a generic Command: that is never a query either.
WRITES = (
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Merge,
    exp.Drop,
    exp.Create,
    exp.Alter,
    exp.Attach,
    exp.Detach,
    exp.Pragma,
    exp.Command,
)


class UnsafeQuery(ValueError):
    """The text is not exactly one read-only query; the message says what was found instead."""


def check_select(sql: str) -> str:
    """Return `sql` unchanged if it is exactly one read-only query, else raise UnsafeQuery.

    Parse with `sqlglot.parse(sql, read="sqlite")` (a ParseError is an UnsafeQuery too). Empty
    statements (a trailing `;`) parse as None and do not count. Accept only when there is one
    statement, it is an `exp.Query`, and no node inside it is one of WRITES.
    """
    # BEGIN SOLUTION
    try:
        statements = [s for s in sqlglot.parse(sql, read="sqlite") if s is not None]
    except sqlglot.errors.ParseError as error:
        first_line = str(error).splitlines()[0]
        raise UnsafeQuery(f"the query does not parse: {first_line}") from error
    if len(statements) != 1:
        raise UnsafeQuery(f"send exactly one statement, not {len(statements)}")
    statement = statements[0]
    if not isinstance(statement, exp.Query):
        raise UnsafeQuery(f"only SELECT queries are allowed, not {statement.key.upper()}")
    write = statement.find(*WRITES)
    if write is not None:
        raise UnsafeQuery(f"the query contains a {write.key.upper()}: only reads are allowed")
    return sql
    # STARTER: raise NotImplementedError("TODO(day47): parse with sqlglot; allow one SELECT only")
    # END SOLUTION


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection to the database file at `path` that cannot write.

    Open it as a URI (`Path.as_uri()` plus `?mode=ro`, with `uri=True`): a plain path would
    silently create a missing file and allow writes. Then forbid ATTACH by setting the
    SQLITE_LIMIT_ATTACHED limit to 0 (`Connection.setlimit`).
    """
    # BEGIN SOLUTION
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    return conn
    # STARTER: raise NotImplementedError("TODO(day47): open the file read-only, with no ATTACH")
    # END SOLUTION


def run_query(db_path: Path, sql: str, max_rows: int = MAX_ROWS) -> dict[str, Any]:
    """Both guards, then the query: its columns, at most `max_rows` rows, and whether more
    rows were left out. Given: it only calls the two functions above."""
    check_select(sql)
    conn = connect_readonly(db_path)
    try:
        cursor = conn.execute(sql)
        columns = [column[0] for column in cursor.description or []]
        rows = cursor.fetchmany(max_rows + 1)
    finally:
        conn.close()
    return {"columns": columns, "rows": rows[:max_rows], "truncated": len(rows) > max_rows}


def make_sql_tool(db_path: Path) -> Tool:
    return Tool(
        name="sql_query",
        description=(
            "Run one read-only SQLite SELECT on the shop database and get the rows back. "
            "Tables: users(id, email, name), products(id, name, price_cents), "
            "orders(id, user_id, product_id, quantity, total_cents, status, updated_at), "
            "refunds(id, order_id, amount_cents, reason, approved_by). "
            f"At most {MAX_ROWS} rows are returned."
        ),
        parameters={
            "type": "object",
            "properties": {
                "sql": {"type": "string", "minLength": 1, "maxLength": 2000},
            },
            "required": ["sql"],
            "additionalProperties": False,
        },
        # Looked up at call time, so a test can swap one guard out and show the other holds.
        handler=lambda sql: run_query(db_path, sql),
    )
