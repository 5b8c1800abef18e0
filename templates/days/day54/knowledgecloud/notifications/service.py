"""Notifications from events, delivered at most once per event.

A bus delivers at least once: after a consumer crash, or a broker redelivery, the same event
arrives again. The consumer makes that harmless by remembering each `event_id` it processed, in
the same transaction as the notification it wrote.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts" / "events"

SCHEMA = """
CREATE TABLE IF NOT EXISTS notifications (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    kind      TEXT NOT NULL,
    job_id    TEXT,
    text      TEXT NOT NULL,
    event_id  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_inbox ON notifications (tenant_id, user_id, id);
CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY);
"""


@cache
def _validator(event_type: str, version: int) -> Draft202012Validator:
    schema = json.loads((CONTRACTS / f"{event_type}.v{version}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def recipient_and_text(event: dict[str, Any]) -> tuple[str, str] | None:
    """Who hears about this event, and what they read; None for events not meant for a person."""
    if event["type"] == "document.indexed":
        passages = event["chunk_count"]
        return event["owner_id"], (
            f"Document {event['document_id']} is ready to search ({passages} passages)"
        )
    if event["type"] == "approval.requested":
        return event[
            "approver_id"
        ], f"Approval needed for job {event['job_id']}: {event['summary']}"
    if event["type"] == "agent.job.completed":
        return event["user_id"], f"Job {event['job_id']} finished: {event['status']}"
    return None


class Notifications:
    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def handle(self, event: dict[str, Any]) -> bool:
        """Consume one event; True if it produced a notification, False if it was a duplicate or
        not meant for a person. An event that breaks its contract raises (jsonschema's
        ValidationError) and writes nothing."""
        # BEGIN SOLUTION
        _validator(event["type"], event["version"]).validate(event)
        target = recipient_and_text(event)
        if target is None:
            return False
        user_id, text = target
        with self._lock, self._db:
            first_time = self._db.execute(
                "INSERT OR IGNORE INTO processed_events (event_id) VALUES (?)", (event["event_id"],)
            ).rowcount
            if not first_time:
                return False
            self._db.execute(
                "INSERT INTO notifications (tenant_id, user_id, kind, job_id, text, event_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    event["tenant_id"],
                    user_id,
                    event["type"],
                    event.get("job_id"),
                    text,
                    event["event_id"],
                ),
            )
        return True
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day54): validate, then notify once per event_id, in one transaction"
        # STARTER: )
        # END SOLUTION

    def inbox(self, tenant_id: str, user_id: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, job_id, text FROM notifications"
                " WHERE tenant_id = ? AND user_id = ? ORDER BY id DESC",
                (tenant_id, user_id),
            ).fetchall()
        return [dict(row) for row in rows]
