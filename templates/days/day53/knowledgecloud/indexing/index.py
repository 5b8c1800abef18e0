"""The chunk index: writing a document's chunks and vectors, deleting them, and reading them.

``ChunkIndex`` is the indexing service's storage. ``IndexReader`` is the narrow port it offers the
search service, which owns no table of its own: every read takes the tenant first, so a search
cannot forget it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

from knowledgecloud.indexing.chunking import ChunkText
from knowledgecloud.indexing.tables import chunk_vectors, chunks


@dataclass(frozen=True)
class Chunk:
    id: str
    tenant_id: str
    document_id: str
    ordinal: int
    page: int | None
    text: str


def _chunk(row) -> Chunk:
    return Chunk(**{name: row._mapping[name] for name in Chunk.__dataclass_fields__})


def replace_document(
    connection: Connection,
    tenant_id: str,
    document_id: str,
    texts: list[ChunkText],
    vectors: np.ndarray,
) -> int:
    """Inside the caller's transaction: drop the document's old chunks, write the new ones."""
    remove_document(connection, tenant_id, document_id)
    for piece, vector in zip(texts, vectors, strict=True):
        chunk_id = str(uuid.uuid4())
        connection.execute(
            insert(chunks).values(
                id=chunk_id,
                tenant_id=tenant_id,
                document_id=document_id,
                ordinal=piece.ordinal,
                page=piece.page,
                text=piece.text,
            )
        )
        connection.execute(
            insert(chunk_vectors).values(
                chunk_id=chunk_id,
                tenant_id=tenant_id,
                document_id=document_id,
                vector=np.asarray(vector, dtype=np.float32).tobytes(),
            )
        )
    return len(texts)


def remove_document(connection: Connection, tenant_id: str, document_id: str) -> None:
    """Inside the caller's transaction: the document's chunks and vectors, all of them, go."""
    # BEGIN SOLUTION
    for table in (chunk_vectors, chunks):
        connection.execute(
            delete(table).where(table.c.tenant_id == tenant_id, table.c.document_id == document_id)
        )
    # STARTER: raise NotImplementedError("TODO(day53): delete the document's chunks and vectors")
    # END SOLUTION


class IndexReader:
    """What search may read: one tenant's chunks and vectors, never a table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def chunks(self, tenant_id: str) -> list[Chunk]:
        """Every chunk of the tenant, in a stable order (document, position)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(chunks)
                .where(chunks.c.tenant_id == tenant_id)
                .order_by(chunks.c.document_id, chunks.c.ordinal)
            ).all()
        return [_chunk(row) for row in rows]

    def vectors(self, tenant_id: str) -> tuple[list[str], np.ndarray]:
        """The tenant's chunk ids and their vectors, as one matrix (a row per chunk)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(chunk_vectors.c.chunk_id, chunk_vectors.c.vector)
                .where(chunk_vectors.c.tenant_id == tenant_id)
                .order_by(chunk_vectors.c.chunk_id)
            ).all()
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.stack([np.frombuffer(row.vector, dtype=np.float32) for row in rows])
        return [row.chunk_id for row in rows], matrix

    def chunk_count(self, tenant_id: str, document_id: str | None = None) -> int:
        return sum(
            1
            for chunk in self.chunks(tenant_id)
            if document_id is None or chunk.document_id == document_id
        )
