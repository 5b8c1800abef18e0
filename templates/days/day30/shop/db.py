"""Engines and running the migrations.

The shop's SQLite database runs in WAL mode, as most SQLite-backed web apps do: readers never wait
for the writer, and committed transactions sit in ``shop.db-wal`` until a checkpoint copies them
into ``shop.db``. (That is why copying ``shop.db`` alone is not a backup: see ``shop/backup.py``.)
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

DAY = Path(__file__).resolve().parents[1]


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def wal_mode(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA journal_mode=WAL")

    return engine


def alembic_config() -> Config:
    config = Config(str(DAY / "alembic.ini"))
    config.set_main_option("script_location", str(DAY / "migrations"))
    return config


def migrate(engine: Engine, direction: str, revision: str) -> None:
    """Run ``alembic upgrade|downgrade <revision>`` on ``engine``, in one transaction."""
    if direction not in ("upgrade", "downgrade"):
        raise ValueError(f"direction must be upgrade or downgrade, not {direction!r}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)
