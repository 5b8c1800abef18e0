"""Document metadata and the outbox, written together.

The transactional outbox: the row that says "this document exists" and the row that says "tell
everyone this document exists" are inserted in ONE database transaction. Either both commit or
neither does. Publishing happens later, from the outbox (``knowledgecloud/platform/outbox.py``),
so a request never announces a document the database does not have, and a committed document
is never left unannounced.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from knowledgecloud.documents.tables import documents, outbox
from knowledgecloud.platform.events import new_event, utc_now
from knowledgecloud.platform.outbox import add_to_outbox


@dataclass(frozen=True)
class NewDocument:
    tenant_id: str
    owner_id: str
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    storage_key: str


@dataclass(frozen=True)
class Document:
    id: str
    tenant_id: str
    owner_id: str
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    storage_key: str

    def public(self) -> dict:
        return asdict(self)


def _document(row) -> Document:
    return Document(**{name: row._mapping[name] for name in Document.__dataclass_fields__})


class DocumentStore:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self.clock = clock

    def find_by_sha256(self, tenant_id: str, sha256: str) -> Document | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(documents).where(
                    documents.c.tenant_id == tenant_id, documents.c.sha256 == sha256
                )
            ).first()
        return _document(row) if row else None

    def record_upload(self, new: NewDocument, correlation_id: str) -> tuple[Document, bool]:
        """Store the metadata and its ``document.uploaded`` outbox row in one transaction.

        Returns (document, created). The same bytes uploaded again by the same tenant return
        the existing document with created=False, and queue no second event: the unique
        (tenant_id, sha256) constraint decides, so two identical uploads racing each other still
        end with one document and one event.
        """
        # BEGIN SOLUTION
        existing = self.find_by_sha256(new.tenant_id, new.sha256)
        if existing is not None:
            return existing, False
        document = Document(id=str(uuid.uuid4()), **asdict(new))
        now = self.clock()
        event = new_event(
            "document.uploaded",
            tenant_id=new.tenant_id,
            correlation_id=correlation_id,
            occurred_at=now,
            document_id=document.id,
            owner_id=new.owner_id,
            filename=new.filename,
            content_type=new.content_type,
            size_bytes=new.size_bytes,
            sha256=new.sha256,
            storage_key=new.storage_key,
        )
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(documents).values(**asdict(document), created_at=now))
                add_to_outbox(connection, outbox, event, now)
        except IntegrityError:
            # Another request stored the same bytes between our check and our insert.
            existing = self.find_by_sha256(new.tenant_id, new.sha256)
            if existing is None:
                raise
            return existing, False
        return document, True
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day52): insert the document and its outbox event in one transaction"
        # STARTER: )
        # END SOLUTION

    def get(self, tenant_id: str, document_id: str) -> Document | None:
        """The tenant's document with this id; another tenant's is None, like a missing one."""
        # BEGIN SOLUTION
        with self.engine.connect() as connection:
            row = connection.execute(
                select(documents).where(
                    documents.c.id == document_id, documents.c.tenant_id == tenant_id
                )
            ).first()
        return _document(row) if row else None
        # STARTER: raise NotImplementedError("TODO(day52): read one document of this tenant")
        # END SOLUTION

    def record_delete(
        self, tenant_id: str, document_id: str, correlation_id: str
    ) -> Document | None:
        """Delete the metadata and queue ``document.deleted``, in one transaction.

        Returns the deleted document, or None when the tenant has no such document.
        """
        # BEGIN SOLUTION
        document = self.get(tenant_id, document_id)
        if document is None:
            return None
        now = self.clock()
        event = new_event(
            "document.deleted",
            tenant_id=tenant_id,
            correlation_id=correlation_id,
            occurred_at=now,
            document_id=document_id,
        )
        with self.engine.begin() as connection:
            removed = connection.execute(
                delete(documents).where(
                    documents.c.id == document_id, documents.c.tenant_id == tenant_id
                )
            ).rowcount
            if removed == 0:
                return None
            add_to_outbox(connection, outbox, event, now)
        return document
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day52): delete the row and queue document.deleted in one transaction"
        # STARTER: )
        # END SOLUTION
