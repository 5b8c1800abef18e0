"""Backup and restore of the shop's SQLite database, while the shop keeps running.

Copying ``shop.db`` with ``cp`` is not a backup of a live database: committed transactions may
still sit in ``shop.db-wal``, and a write in progress can leave the file half-changed. SQLite's
online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot of the committed
data, page by page, through SQLite's own locking, while other connections go on reading and
writing. The same API restores: it copies a backup into the live database as one transaction, so
connections of the app see either the old content or the restored one, never a mix.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

NAME_FORMAT = "shop-%Y%m%dT%H%M%SZ.db"
"""Backup file names carry their UTC time, e.g. shop-20260302T020000Z.db."""


def backup(database: Path, destination: Path) -> None:
    """Write a consistent copy of ``database``'s committed data to ``destination``.

    ``destination`` must not exist yet (FileExistsError): a backup never overwrites a file.
    """
    # BEGIN SOLUTION
    if destination.exists():
        raise FileExistsError(f"{destination} already exists: a backup never overwrites a file")
    source = sqlite3.connect(database)
    target = sqlite3.connect(destination)
    try:
        source.backup(target)
        # The copy inherits WAL mode; a backup should be one self-contained file.
        target.execute("PRAGMA journal_mode=DELETE")
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise RuntimeError(f"backup {destination} failed its integrity check: {check}")
    finally:
        target.close()
        source.close()
    # STARTER: raise NotImplementedError("TODO(day30): copy with SQLite's online backup API")
    # END SOLUTION


def restore(backup_file: Path, database: Path) -> None:
    """Replace the content of ``database`` (which may be in use) with ``backup_file``'s."""
    # BEGIN SOLUTION
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    target = sqlite3.connect(database)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    # STARTER: raise NotImplementedError("TODO(day30): copy the backup into the live database")
    # END SOLUTION


def create_backup(database: Path, directory: Path, now: datetime) -> Path:
    """Back up ``database`` into ``directory`` under a name made from ``now`` (UTC)."""
    if now.tzinfo is None:
        raise ValueError("backup times must be timezone-aware (UTC)")
    directory.mkdir(parents=True, exist_ok=True)
    destination = directory / now.astimezone(UTC).strftime(NAME_FORMAT)
    backup(database, destination)
    return destination


def backup_time(path: Path) -> datetime | None:
    """The time in a backup's file name, or None if the name is not one of ours."""
    try:
        return datetime.strptime(path.name, NAME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
