"""Read-only SQL, twice over: the parser refuses writes, and so does the connection."""

from __future__ import annotations

import sqlite3

import pytest

from shop import sql_tool
from shop.shopdb import connect_readwrite, dump
from shop.sql_tool import UnsafeQuery, check_select, connect_readonly, run_query

READS = {
    "filter": "SELECT id, status FROM orders WHERE user_id = 1",
    "trailing-semicolon": "select count(*) from orders;",
    "join": "SELECT u.name, SUM(o.total_cents) FROM users u "
    "JOIN orders o ON o.user_id = u.id GROUP BY 1",
    "cte": "WITH big AS (SELECT * FROM orders WHERE total_cents > 2000) SELECT id FROM big",
    "union": "SELECT id FROM orders UNION SELECT order_id FROM refunds",
    # Words that a blacklist would trip over, used as data and column names:
    "write-words-as-data": "SELECT name FROM products "
    "WHERE name LIKE '%drop%' OR name = 'delete me; update'",
    "updated-at-column": "SELECT id, updated_at FROM orders ORDER BY updated_at DESC",
}

WRITES = {
    "drop": "DROP TABLE orders",
    "update": "UPDATE orders SET status = 'refunded'",
    "delete": "delete from orders",
    "insert": "INSERT INTO refunds (order_id, amount_cents, reason, approved_by) "
    "VALUES (1, 1, 'x', 'y')",
    "replace": "REPLACE INTO users VALUES (1, 'evil@example.com', 'Eve')",
    "second-statement": "SELECT 1; DROP TABLE orders",
    "comment-then-statement": "SELECT 1 -- just a comment\n; DELETE FROM orders",
    "leading-comment": "/* harmless */ UPDATE orders SET total_cents = 0",
    "cte-wrapped-delete": "WITH t AS (SELECT 1) DELETE FROM orders",
    "attach": "ATTACH DATABASE 'stolen.db' AS stolen",
    "pragma": "PRAGMA writable_schema = 1",
    "create-as-select": "CREATE TABLE notes AS SELECT * FROM users",
    "vacuum-into": "VACUUM INTO 'copy.db'",
    "delete-in-subquery": "SELECT * FROM (DELETE FROM orders RETURNING *)",
}


@pytest.mark.parametrize("sql", READS.values(), ids=list(READS))
def test_a_single_read_query_is_allowed_even_with_write_words_inside(sql):
    assert check_select(sql) == sql


@pytest.mark.parametrize("sql", WRITES.values(), ids=list(WRITES))
def test_the_parser_refuses_every_write_and_every_second_statement(sql):
    with pytest.raises(UnsafeQuery):
        check_select(sql)


def test_read_query_returns_columns_and_rows(db_path):
    result = run_query(db_path, "SELECT id, status FROM orders WHERE user_id = 1 ORDER BY id")
    assert result == {
        "columns": ["id", "status"],
        "rows": [(1, "delivered"), (2, "shipped")],
        "truncated": False,
    }


def test_rows_are_capped_and_the_cut_is_reported(db_path):
    result = run_query(db_path, "SELECT id FROM orders ORDER BY id", max_rows=3)
    assert result["rows"] == [(1,), (2,), (3,)]
    assert result["truncated"] is True


def test_the_connection_alone_refuses_writes(db_path):
    conn = connect_readonly(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM orders").fetchone() == (4,)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM orders")
    finally:
        conn.close()


def test_the_connection_refuses_attach_which_would_open_a_writable_file(db_path, tmp_path):
    conn = connect_readonly(db_path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(f"ATTACH DATABASE '{tmp_path / 'stolen.db'}' AS stolen")
    finally:
        conn.close()
    assert not (tmp_path / "stolen.db").exists()


def test_a_missing_database_is_an_error_not_a_new_empty_file(tmp_path):
    with pytest.raises(sqlite3.OperationalError):
        connect_readonly(tmp_path / "typo.db").execute("SELECT 1")
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM orders",
        "UPDATE orders SET total_cents = 0",
        "DROP TABLE refunds",
        "PRAGMA user_version = 7",
    ],
    ids=["delete", "update", "drop", "pragma"],
)
def test_with_the_parser_switched_off_the_connection_still_stops_the_write(
    db_path, monkeypatch, sql
):
    before = dump(db_path)
    monkeypatch.setattr(sql_tool, "check_select", lambda text: text)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        run_query(db_path, sql)
    assert dump(db_path) == before


def test_with_the_parser_switched_off_attach_still_creates_nothing(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(sql_tool, "check_select", lambda text: text)
    with pytest.raises(sqlite3.OperationalError):
        run_query(db_path, f"ATTACH DATABASE '{tmp_path / 'stolen.db'}' AS stolen")
    assert not (tmp_path / "stolen.db").exists()


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM orders",
        "SELECT 1; DROP TABLE refunds",
        "WITH t AS (SELECT 1) DELETE FROM orders",
    ],
)
def test_with_a_writable_connection_the_parser_still_stops_the_write(db_path, monkeypatch, sql):
    before = dump(db_path)
    monkeypatch.setattr(sql_tool, "connect_readonly", connect_readwrite)
    with pytest.raises(UnsafeQuery):
        run_query(db_path, sql)
    assert dump(db_path) == before


def test_the_tool_reports_a_refused_query_to_the_model_and_changes_nothing(registry, db_path):
    before = dump(db_path)
    outcome = registry.call("sql_query", {"sql": "SELECT 1; DROP TABLE orders"})
    assert outcome["ok"] is False
    assert "UnsafeQuery" in outcome["error"]
    assert dump(db_path) == before
