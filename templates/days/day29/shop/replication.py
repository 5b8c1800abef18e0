"""Replication, simulated with two SQLite files.

A real replica receives the primary's changes a little later (milliseconds to minutes). Here the
replica is a second SQLite file and ``replicate`` copies the primary into it when a test (or you,
in a REPL) decides that replication has caught up. Until then the replica is stale, exactly the
situation the read/write router has to cope with.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def replicate(primary: Path, replica: Path) -> None:
    """Bring the replica up to date with the primary's committed data."""
    source = sqlite3.connect(primary)
    target = sqlite3.connect(replica)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


if __name__ == "__main__":
    # uv run python -m shop.replication: "replication catches up" for the local SQLite pair.
    replicate(Path("primary.db"), Path("replica.db"))
    print("replica.db now matches primary.db")
