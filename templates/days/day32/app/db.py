"""The shop's SQLite database, behind one small wrapper.

Every statement goes through `Database.execute(sql, params)`. That is a design choice, not only
a convenience: one choke point is where tests spy on the SQL, and where you would add logging or
timing in production. Values always travel in `params`, never inside `sql`.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from typing import Any

Params = Sequence[Any] | Mapping[str, Any]

SCHEMA = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    bio_html TEXT NOT NULL DEFAULT '',
    is_admin INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL
);
CREATE TABLE api_tokens (
    token_sha256 TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id)
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    is_hidden INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'placed',
    total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
    note TEXT NOT NULL DEFAULT '',
    shipping_address TEXT NOT NULL DEFAULT ''
);
"""


def token_digest(token: str) -> str:
    """API tokens are stored as SHA-256 digests: a leaked table does not leak usable tokens."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Database:
    def __init__(self, path: str = ":memory:") -> None:
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._lock = threading.Lock()

    def create_schema(self) -> None:
        self.conn.executescript(SCHEMA)

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement with bound parameters (`?` or `:name` placeholders)."""
        with self._lock:
            return self.conn.execute(sql, params)

    def all(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else dict(row)
