"""Backup and restore of the Postgres database with pg_dump and pg_restore.

``pg_dump --format=custom`` writes a consistent snapshot (one repeatable-read transaction) while
the app keeps writing; ``pg_restore`` reads it back, and can restore a single table from it. The
client tools must be at least as new as the server (``postgresql-client-17`` for the compose
Postgres), or run them inside the container (see the README).

    uv run --env-file .env python -m shop.pg_backup dump shop.dump
    uv run --env-file .env python -m shop.pg_backup restore shop.dump
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy.engine import make_url


def _connection(url: str) -> tuple[list[str], dict[str, str]]:
    """pg_* arguments and environment for a SQLAlchemy URL; the password goes in PGPASSWORD,
    never on the command line where `ps` would show it."""
    parsed = make_url(url)
    args = [f"--host={parsed.host or 'localhost'}", f"--port={parsed.port or 5432}"]
    if parsed.username:
        args.append(f"--username={parsed.username}")
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return args + [f"--dbname={parsed.database}"], env


def dump(url: str, out: Path) -> None:
    args, env = _connection(url)
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={out}", *args], env=env, check=True
    )


def restore(url: str, dump_file: Path) -> None:
    """Restore ``dump_file`` into the database at ``url``, replacing the objects it contains."""
    args, env = _connection(url)
    subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            str(dump_file),
        ],
        env=env,
        check=True,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "restore"):
        sys.exit("usage: python -m shop.pg_backup dump|restore FILE  (DATABASE_URL from the env)")
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to the compose Postgres (cp .env.example .env)")
    (dump if sys.argv[1] == "dump" else restore)(database_url, Path(sys.argv[2]))
