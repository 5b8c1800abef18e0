"""What a database holds, reduced to row counts and one hash, to prove a backup or a restore.

The hash covers every table's rows in primary-key order, so two databases with the same content
have the same fingerprint even when their files differ byte for byte (page layout, free pages,
the WAL). A byte-for-byte file hash would not tell you that.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData, create_engine, select
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class Fingerprint:
    counts: dict[str, int]
    sha256: str


def fingerprint(engine: Engine) -> Fingerprint:
    metadata = MetaData()
    metadata.reflect(engine)
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for name in sorted(metadata.tables):
            table = metadata.tables[name]
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order)).all()
            counts[name] = len(rows)
            digest.update(f"{name}:{[c.name for c in table.columns]}\n".encode())
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return Fingerprint(counts, digest.hexdigest())


def fingerprint_file(path: Path) -> Fingerprint:
    """The fingerprint of the SQLite file ``path``, opened read-only."""
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        return fingerprint(engine)
    finally:
        engine.dispose()
