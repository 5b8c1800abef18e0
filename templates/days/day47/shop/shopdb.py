"""The shop's database: users, products, orders and refunds, in one SQLite file.

Given, not part of the lab. The agent's tools read this file; only an approved refund writes it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    amount_cents INTEGER NOT NULL,
    reason TEXT NOT NULL,
    approved_by TEXT NOT NULL
);
"""

USERS = [
    (1, "ada@example.com", "Ada Lovelace"),
    (2, "alan@example.com", "Alan Turing"),
    (3, "grace@example.com", "Grace Hopper"),
]
PRODUCTS = [
    (1, "Mechanical keyboard", 8900),
    (2, "Drop-shipping starter kit", 2500),
    (3, "USB-C cable", 900),
]
ORDERS = [
    (1, 1, 1, 1, 8900, "delivered", "2026-03-01T10:00:00Z"),
    (2, 1, 3, 2, 1800, "shipped", "2026-03-04T09:30:00Z"),
    (3, 2, 2, 1, 2500, "delivered", "2026-03-05T14:12:00Z"),
    (4, 3, 1, 1, 8900, "paid", "2026-03-06T08:45:00Z"),
]


def create_shop_db(path: Path) -> Path:
    """A fresh shop database at `path`, with a few users, products and orders."""
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        conn.executemany("INSERT INTO users VALUES (?, ?, ?)", USERS)
        conn.executemany("INSERT INTO products VALUES (?, ?, ?)", PRODUCTS)
        conn.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)", ORDERS)
    conn.close()
    return path


def connect_readwrite(path: Path) -> sqlite3.Connection:
    """A normal connection, for the code that is allowed to write (an approved refund)."""
    return sqlite3.connect(path)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to compare the database before and after something ran."""
    with sqlite3.connect(path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows = {
            table: conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            for table in tables
        }
    conn.close()
    return rows
