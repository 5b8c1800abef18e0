"""An append-only event store on one SQL table.

    events(position PK, stream_id, version, type, data, recorded_at)
    UNIQUE (stream_id, version)

- a *stream* holds the events of one aggregate (one account), numbered 1, 2, 3... by `version`;
- `position` orders all events of all streams (what projections follow);
- rows are only ever inserted: there is no update and no delete.

DATABASE_URL selects the database (see .env.example); without it, an in-memory SQLite database.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from bank import events

metadata = sa.MetaData()
events_table = sa.Table(
    "events",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("stream_id", sa.String(100), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("type", sa.String(100), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("stream_id", "version", name="one_event_per_stream_version"),
)


class ConcurrencyError(Exception):
    """Someone else appended to the stream since you read it: reload and decide again."""


@dataclass(frozen=True)
class RecordedEvent:
    position: int
    stream_id: str
    version: int
    type: str
    data: dict[str, Any]
    recorded_at: datetime

    @property
    def event(self) -> events.DomainEvent:
        return events.deserialize(self.type, self.data)


def make_engine(url: str | None = None) -> sa.Engine:
    url = url or os.environ.get("DATABASE_URL") or "sqlite+pysqlite:///:memory:"
    if url.startswith("sqlite") and ":memory:" in url:
        # one shared connection, or every new connection would see an empty database
        return sa.create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    return sa.create_engine(url)


def _recorded(row: Any) -> RecordedEvent:
    recorded_at = row.recorded_at
    if recorded_at.tzinfo is None:  # SQLite drops the time zone; we always store UTC
        recorded_at = recorded_at.replace(tzinfo=UTC)
    return RecordedEvent(
        row.position, row.stream_id, row.version, row.type, dict(row.data), recorded_at
    )


class EventStore:
    def __init__(self, url: str | None = None) -> None:
        self.engine = make_engine(url)
        metadata.create_all(self.engine)

    def _stream_version(self, conn: sa.Connection, stream_id: str) -> int:
        query = sa.select(sa.func.coalesce(sa.func.max(events_table.c.version), 0)).where(
            events_table.c.stream_id == stream_id
        )
        return conn.execute(query).scalar_one()

    def current_version(self, stream_id: str) -> int:
        """0 for a stream with no events yet."""
        with self.engine.connect() as conn:
            return self._stream_version(conn, stream_id)

    def append(
        self, stream_id: str, new_events: Sequence[events.DomainEvent], expected_version: int
    ) -> list[RecordedEvent]:
        """Append `new_events` to the stream if it is still at `expected_version`.

        In one transaction: compare the stream's current version with `expected_version` and
        raise ConcurrencyError if they differ; insert the events with versions
        expected_version + 1, + 2, ...; `events.serialize` gives each row's type and data, and
        `recorded_at` is the current UTC time. Two writers can still race between the check and
        the insert: the unique constraint then raises sa.exc.IntegrityError, which must also
        become a ConcurrencyError. Return the recorded events.
        """
        # BEGIN SOLUTION
        now = datetime.now(UTC)
        rows = []
        for offset, event in enumerate(new_events, start=1):
            type_name, data = events.serialize(event)
            rows.append(
                {
                    "stream_id": stream_id,
                    "version": expected_version + offset,
                    "type": type_name,
                    "data": data,
                    "recorded_at": now,
                }
            )
        try:
            with self.engine.begin() as conn:
                current = self._stream_version(conn, stream_id)
                if current != expected_version:
                    raise ConcurrencyError(
                        f"{stream_id} is at version {current}, expected {expected_version}"
                    )
                if rows:
                    conn.execute(events_table.insert(), rows)
        except sa.exc.IntegrityError as exc:
            raise ConcurrencyError(f"{stream_id} was changed concurrently") from exc
        return self.read_stream(stream_id)[expected_version:]
        # STARTER: raise NotImplementedError("TODO(day15): check the version, then insert")
        # END SOLUTION

    def read_stream(self, stream_id: str, to_version: int | None = None) -> list[RecordedEvent]:
        """The stream's events in version order, optionally only up to `to_version`."""
        query = sa.select(events_table).where(events_table.c.stream_id == stream_id)
        if to_version is not None:
            query = query.where(events_table.c.version <= to_version)
        with self.engine.connect() as conn:
            return [_recorded(row) for row in conn.execute(query.order_by(events_table.c.version))]

    def read_all(self, after_position: int = 0) -> list[RecordedEvent]:
        """Every event of every stream after `after_position`, in the order they were stored."""
        query = (
            sa.select(events_table)
            .where(events_table.c.position > after_position)
            .order_by(events_table.c.position)
        )
        with self.engine.connect() as conn:
            return [_recorded(row) for row in conn.execute(query)]
