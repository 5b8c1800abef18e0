"""The documents service's tables: ``documents`` and ``outbox``. No other service reads them.

The same definitions create the schema on SQLite (tests, a laptop) and on Postgres (compose).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
)
from sqlalchemy.engine import Engine

from knowledgecloud.platform.outbox import outbox_table

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("tenant_id", String(64), nullable=False, index=True),
    Column("owner_id", String(64), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("storage_key", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # One document per content per tenant: the database, not a read-then-write, guarantees it.
    UniqueConstraint("tenant_id", "sha256", name="uq_documents_tenant_sha256"),
)

outbox = outbox_table(metadata)


def make_engine(url: str) -> Engine:
    """An engine with the schema in place. SQLite files are shared by the app's worker threads."""
    options = {"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {}
    engine = create_engine(url, **options)
    metadata.create_all(engine)
    return engine
