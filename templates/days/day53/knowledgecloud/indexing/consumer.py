"""The indexing service's consumer: ``document.uploaded`` in, chunks and ``document.indexed`` out.

The bus delivers at least once (day 52's relay republishes after a crash), and a consumer can
fail halfway and be given the same event again. So handling is idempotent, keyed on the event's
``event_id``:

- one transaction records the event id in ``processed_events``, replaces the document's chunks
  and vectors, and queues ``document.indexed`` in this service's outbox;
- an event id already in ``processed_events`` is acknowledged and skipped: no duplicate chunks,
  no second ``document.indexed``, and an old event redelivered late cannot bring back old text;
- a *new* event about the same document (its content was replaced) is indexed again: the key is
  the event, not the document.

``document.deleted`` removes every chunk and vector of the document, with the same dedup.

An upload deleted before it was indexed has no bytes left in S3: that event is recorded as
processed and indexes nothing, rather than failing on every redelivery.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

import numpy as np
from botocore.exceptions import ClientError
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from knowledgecloud.documents.objects import ObjectStore
from knowledgecloud.indexing.chunking import chunk_pages
from knowledgecloud.indexing.embedder import embed
from knowledgecloud.indexing.extract import extract_pages
from knowledgecloud.indexing.index import remove_document, replace_document
from knowledgecloud.indexing.tables import outbox, processed_events
from knowledgecloud.platform.contracts import validate
from knowledgecloud.platform.events import new_event, utc_now
from knowledgecloud.platform.outbox import add_to_outbox

CONSUMES = ("document.uploaded", "document.deleted")


class IntegrityMismatch(ValueError):
    """The stored bytes are not the ones the event describes."""


def already_processed(connection: Connection, event_id: str) -> bool:
    found = connection.execute(
        select(processed_events.c.event_id).where(processed_events.c.event_id == event_id)
    ).first()
    return found is not None


def mark_processed(connection: Connection, event: dict, now: datetime) -> None:
    """Record the event id; a second insert of the same id raises IntegrityError."""
    connection.execute(
        insert(processed_events).values(
            event_id=event["event_id"],
            event_type=event["type"],
            tenant_id=event["tenant_id"],
            processed_at=now,
        )
    )


class IndexingService:
    def __init__(
        self,
        engine: Engine,
        objects: ObjectStore,
        embedder: Callable[[list[str]], np.ndarray] = embed,
        clock: Callable[[], datetime] = utc_now,
        max_words: int = 60,
    ) -> None:
        self.engine = engine
        self.objects = objects
        self.embedder = embedder
        self.clock = clock
        self.max_words = max_words

    def handle(self, event: dict) -> None:
        """The bus handler: validate the event, then dispatch on its type."""
        validate(event)
        if event["type"] == "document.uploaded":
            self.on_uploaded(event)
        elif event["type"] == "document.deleted":
            self.on_deleted(event)

    def _is_processed(self, event_id: str) -> bool:
        with self.engine.connect() as connection:
            return already_processed(connection, event_id)

    def fetch(self, storage_key: str) -> bytes | None:
        """The stored bytes, or None when the object is gone (the document was deleted)."""
        try:
            return self.objects.get(storage_key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise

    def on_uploaded(self, event: dict) -> None:
        """Fetch, extract, chunk, embed, then store it all and queue document.indexed, once."""
        # BEGIN SOLUTION
        if self._is_processed(event["event_id"]):
            return
        data = self.fetch(event["storage_key"])
        if data is None:
            try:
                with self.engine.begin() as connection:
                    mark_processed(connection, event, self.clock())
            except IntegrityError:
                pass
            return
        if hashlib.sha256(data).hexdigest() != event["sha256"]:
            raise IntegrityMismatch(f"{event['storage_key']} does not hold the announced bytes")
        pieces = chunk_pages(extract_pages(data, event["content_type"]), self.max_words)
        vectors = self.embedder([piece.text for piece in pieces]) if pieces else np.zeros((0, 0))
        now = self.clock()
        indexed = new_event(
            "document.indexed",
            tenant_id=event["tenant_id"],
            correlation_id=event["correlation_id"],
            occurred_at=now,
            document_id=event["document_id"],
            owner_id=event["owner_id"],
            sha256=event["sha256"],
            chunk_count=len(pieces),
        )
        try:
            with self.engine.begin() as connection:
                mark_processed(connection, event, now)
                replace_document(
                    connection, event["tenant_id"], event["document_id"], pieces, vectors
                )
                add_to_outbox(connection, outbox, indexed, now)
        except IntegrityError:
            # Another worker handled the same event first: its result stands.
            return
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day53): index the document once per event id, in one transaction"
        # STARTER: )
        # END SOLUTION

    def on_deleted(self, event: dict) -> None:
        """Remove the document's chunks and vectors, once per event id."""
        # BEGIN SOLUTION
        try:
            with self.engine.begin() as connection:
                mark_processed(connection, event, self.clock())
                remove_document(connection, event["tenant_id"], event["document_id"])
        except IntegrityError:
            return
        # STARTER: raise NotImplementedError("TODO(day53): remove the document's chunks, once")
        # END SOLUTION
