"""Isolation made concrete with two SQLite connections to the same database file.

While place_order's transaction is open, a second, independent connection (another request, in
real life) looks at the shop. Nothing of the unfinished order may be visible to it (no dirty
read), and it cannot start a write of its own: SQLite lets one transaction write at a time, which
is how it reaches SERIALIZABLE. Postgres gets there with row locks and retries instead.

The second connection acts from inside place_order, after the order row and the stock are
written and before the order lines are, through a SQLAlchemy event hook: the test chooses the
interleaving, nothing is left to timing.
"""

import sqlite3
from collections.abc import Callable

from sqlalchemy import event

from app.orders import place_order
from tests.helpers import NORMALIZED_TABLES, SCHEMA_MISSING, stock_shop


def other_connection(engine) -> sqlite3.Connection:
    """A connection of its own (not from the engine's pool). timeout=0: never wait for a lock,
    report it at once. isolation_level=None: BEGIN and COMMIT only when we write them."""
    return sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)


def shop_state(connection: sqlite3.Connection) -> dict:
    return {
        "orders": connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0],
        "order_items": connection.execute("SELECT COUNT(*) FROM order_items").fetchone()[0],
        "stock": connection.execute("SELECT sku, stock FROM products ORDER BY sku").fetchall(),
    }


def place_order_with(engine, user_id: int, items, midway: Callable[[], None]) -> int:
    """place_order, with `midway()` run once, just before its first INSERT into order_items: the
    order row and stock already written, the transaction not yet committed."""
    done = []

    def before_each(conn, cursor, statement, parameters, context, executemany):
        if not done and statement.lstrip().upper().startswith("INSERT INTO ORDER_ITEMS"):
            done.append(statement)
            midway()

    event.listen(engine, "before_cursor_execute", before_each)
    try:
        return place_order(engine, user_id, items)
    finally:
        event.remove(engine, "before_cursor_execute", before_each)


def test_other_connections_never_see_a_half_placed_order(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)
    reader = other_connection(engine)
    before = shop_state(reader)
    seen_midway = []

    try:
        place_order_with(
            engine,
            ids["ada@example.com"],
            [("KB-01", 2), ("CB-02", 3)],
            midway=lambda: seen_midway.append(shop_state(reader)),
        )
        after = shop_state(reader)
    finally:
        reader.close()

    assert seen_midway, "place_order must insert its order_items rows"
    assert seen_midway[0] == before, (
        "another connection saw part of an order that was not committed yet (the order row or "
        f"the stock taken): all of place_order must be one transaction\n{seen_midway[0]}"
    )
    assert after["orders"] == before["orders"] + 1
    assert after["order_items"] == before["order_items"] + 2
    assert dict(after["stock"]) == {"CB-02": 7, "KB-01": 3, "MA-04": 1}


def test_a_second_writer_is_locked_out_until_the_order_commits(engine, tables):
    assert NORMALIZED_TABLES <= tables, SCHEMA_MISSING
    ids = stock_shop(engine)
    writer = other_connection(engine)
    attempts = []

    def try_to_write() -> None:
        try:
            writer.execute("BEGIN IMMEDIATE")  # ask for the write lock now
        except sqlite3.OperationalError as exc:
            attempts.append(str(exc))
        else:
            writer.execute("ROLLBACK")
            attempts.append("got the write lock")

    try:
        place_order_with(engine, ids["ada@example.com"], [("MA-04", 1)], midway=try_to_write)

        # Committed: now the other writer gets in, and it sees the stock place_order took.
        writer.execute("BEGIN IMMEDIATE")
        taken = writer.execute(
            "UPDATE products SET stock = stock - 1 WHERE sku = 'MA-04' AND stock >= 1"
        ).rowcount
        writer.execute("COMMIT")
    finally:
        writer.close()

    assert attempts, "place_order must insert its order_items rows"
    assert attempts == ["database is locked"], (
        "while place_order had written the order and the stock but not its lines, another "
        f"connection could start writing ({attempts[0]}): the order's writes are not one open "
        "transaction"
    )
    assert taken == 0, "the last monitor arm was sold twice"
