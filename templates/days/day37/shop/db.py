"""The Orders service's database: SQLite, one table. Every call here is worth its own span."""

from __future__ import annotations

import sqlite3
import threading

from pydantic import BaseModel, Field


class NewOrder(BaseModel):
    user_id: int
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)


class Order(NewOrder):
    id: int


class OrderStore:
    def __init__(self, path: str = ":memory:") -> None:
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS orders ("
            " id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,"
            " sku TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0))"
        )

    def add(self, new: NewOrder) -> Order:
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO orders (user_id, sku, quantity) VALUES (?, ?, ?)",
                (new.user_id, new.sku, new.quantity),
            )
        return Order(id=cursor.lastrowid, **new.model_dump())
