"""The transactional outbox, shared by every service that publishes events.

A service keeps its own outbox table (``outbox_table``) in its own database, queues events in
it inside the transaction that changes its data (``add_to_outbox``), and runs a relay.

The relay publishes committed events, then marks them published.

Publishing and marking cannot be one atomic step (the broker is not in the database's
transaction). The order decides what a crash costs:

- publish, then mark: a crash in between publishes the event again on the next run. Nothing is
  lost; consumers see a duplicate with the same ``event_id`` and deduplicate on it
  (at-least-once delivery).
- mark, then publish: a crash in between loses the event for good (at-most-once).

The relay takes the first order. It publishes events in the order they were committed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine

from knowledgecloud.platform.contracts import validate
from knowledgecloud.platform.events import utc_now


def outbox_table(metadata: MetaData, name: str = "outbox") -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("event_type", String(100), nullable=False),
        Column("payload", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True),
    )


def add_to_outbox(connection: Connection, outbox: Table, event: dict, now: datetime) -> None:
    """Queue an event for the relay, inside the caller's transaction."""
    connection.execute(
        insert(outbox).values(
            event_id=event["event_id"],
            event_type=event["type"],
            payload=json.dumps(event, sort_keys=True),
            created_at=now,
        )
    )


class OutboxRelay:
    def __init__(
        self,
        engine: Engine,
        outbox: Table,
        bus,
        clock: Callable[[], datetime] = utc_now,
        batch_size: int = 100,
    ) -> None:
        self.engine = engine
        self.outbox = outbox
        self.bus = bus
        self.clock = clock
        self.batch_size = batch_size

    def run_once(self) -> int:
        """Publish the unpublished events, oldest first, marking each after it is published.

        Returns how many were published. If publishing raises (broker down), the event stays
        unpublished and the exception propagates: the next run tries again from that event.
        """
        # BEGIN SOLUTION
        outbox = self.outbox
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(outbox.c.id, outbox.c.payload)
                .where(outbox.c.published_at.is_(None))
                .order_by(outbox.c.id)
                .limit(self.batch_size)
            ).all()
        published = 0
        for row in rows:
            event = validate(json.loads(row.payload))
            self.bus.publish(event)
            with self.engine.begin() as connection:
                connection.execute(
                    update(outbox).where(outbox.c.id == row.id).values(published_at=self.clock())
                )
            published += 1
        return published
        # STARTER: raise NotImplementedError("TODO(day52): publish the outbox, then mark each row")
        # END SOLUTION
