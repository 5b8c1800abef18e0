"""The indexing service's tables. No other service reads them (search asks ``IndexReader``).

- ``chunks``: the text of each chunk, with where it came from (document, page, position);
- ``chunk_vectors``: one embedding per chunk, kept apart as a vector database would keep them
  (pgvector's column or a Qdrant collection in production); a delete must reach both;
- ``processed_events``: the ids of the events already handled, for idempotent consumption;
- ``indexing_outbox``: the events this service publishes (``document.indexed``).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
)
from sqlalchemy.engine import Engine

from knowledgecloud.platform.outbox import outbox_table

metadata = MetaData()

chunks = Table(
    "chunks",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("tenant_id", String(64), nullable=False),
    Column("document_id", String(36), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("page", Integer, nullable=True),
    Column("text", Text, nullable=False),
    Index("ix_chunks_tenant_document", "tenant_id", "document_id"),
)

chunk_vectors = Table(
    "chunk_vectors",
    metadata,
    Column("chunk_id", String(36), primary_key=True),
    Column("tenant_id", String(64), nullable=False),
    Column("document_id", String(36), nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, unit length
    Index("ix_chunk_vectors_tenant_document", "tenant_id", "document_id"),
)

processed_events = Table(
    "processed_events",
    metadata,
    Column("event_id", String(36), primary_key=True),
    Column("event_type", String(100), nullable=False),
    Column("tenant_id", String(64), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
)

outbox = outbox_table(metadata, "indexing_outbox")


def make_engine(url: str) -> Engine:
    options = {"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {}
    engine = create_engine(url, **options)
    metadata.create_all(engine)
    return engine
