"""A usage log: one row per chat request, with its tokens and cost (SQLite, cost kept as text)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class UsageRecord:
    request_id: str
    provider: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost: Decimal | None  # None: the model has no price in the table
    streamed: bool
    attempts: int


class UsageLog:
    def __init__(self, path: str = ":memory:") -> None:
        # FastAPI runs plain `def` endpoints on worker threads; one connection, one lock.
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(
            """CREATE TABLE IF NOT EXISTS usage (
                request_id TEXT PRIMARY KEY,
                provider TEXT NOT NULL,
                model TEXT NOT NULL,
                prompt_tokens INTEGER NOT NULL,
                completion_tokens INTEGER NOT NULL,
                cost TEXT,
                streamed INTEGER NOT NULL,
                attempts INTEGER NOT NULL
            )"""
        )

    def add(self, record: UsageRecord) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO usage VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.request_id,
                    record.provider,
                    record.model,
                    record.prompt_tokens,
                    record.completion_tokens,
                    None if record.cost is None else str(record.cost),
                    int(record.streamed),
                    record.attempts,
                ),
            )

    def get(self, request_id: str) -> UsageRecord | None:
        rows = self._select("WHERE request_id = ?", (request_id,))
        return rows[0] if rows else None

    def all(self) -> list[UsageRecord]:
        return self._select("ORDER BY rowid", ())

    def _select(self, where: str, params: tuple) -> list[UsageRecord]:
        with self._lock:
            rows = self._db.execute(f"SELECT * FROM usage {where}", params).fetchall()
        return [
            UsageRecord(
                request_id=row[0],
                provider=row[1],
                model=row[2],
                prompt_tokens=row[3],
                completion_tokens=row[4],
                cost=None if row[5] is None else Decimal(row[5]),
                streamed=bool(row[6]),
                attempts=row[7],
            )
            for row in rows
        ]
