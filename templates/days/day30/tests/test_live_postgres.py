"""Migrations and pg_dump/pg_restore against the compose Postgres.

Run with: cp .env.example .env && docker compose up -d, then
    BEC_LIVE=1 uv run --env-file .env pytest -m live
pg_dump and pg_restore must be on PATH, at least as new as the server.
"""

import os
from datetime import datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, insert, select, text

from shop import pg_backup
from shop.archive import archive_orders
from shop.db import make_engine
from shop.fingerprint import fingerprint
from shop.models import ArchivedOrder, Base, Order
from shop.releases import V1, V3
from tests.conftest import run_migration

pytestmark = pytest.mark.live


@pytest.fixture
def pg():
    url = os.environ.get("DATABASE_URL", "")
    assert url.startswith("postgres"), "set DATABASE_URL to the compose Postgres (.env.example)"
    engine = make_engine(url)
    run_migration(engine, "downgrade", "base")
    yield url, engine
    run_migration(engine, "downgrade", "base")
    engine.dispose()


def test_migrations_on_postgres_match_the_models_and_undo(pg):
    _, engine = pg
    run_migration(engine, "upgrade", "head")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []

    run_migration(engine, "downgrade", "base")
    with engine.connect() as conn:
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        assert set(tables) <= {"alembic_version"}


def test_the_old_release_works_on_the_expanded_postgres_schema(pg):
    _, engine = pg
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        user_id = V1.create_user(conn, "Ada", "ada@example.com")
        assert V1.get_user(conn, user_id)["name"] == "Ada"
    run_migration(engine, "upgrade", "head")
    with engine.connect() as conn:
        assert V3.get_user(conn, user_id)["name"] == "Ada"


def test_pg_dump_then_pg_restore_brings_the_data_back(pg, tmp_path):
    url, engine = pg
    run_migration(engine, "upgrade", "head")
    with engine.begin() as conn:
        for n in range(25):
            V3.create_user(conn, f"User {n}", f"user{n}@example.com")
    expected = fingerprint(engine)

    pg_backup.dump(url, tmp_path / "shop.dump")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM users WHERE id % 2 = 0"))
    assert fingerprint(engine) != expected
    pg_backup.restore(url, tmp_path / "shop.dump")

    assert fingerprint(engine) == expected


def test_archiving_on_postgres_moves_each_old_order_once(pg):
    _, engine = pg
    run_migration(engine, "upgrade", "head")
    now = datetime(2026, 6, 1, 3, 0)
    with engine.begin() as conn:
        user = V3.create_user(conn, "Ada", "ada@example.com")
        conn.execute(
            insert(Order.__table__),
            [
                {
                    "user_id": user,
                    "item": "pen",
                    "quantity": 1,
                    "created_at": now - timedelta(days=d),
                }
                for d in range(0, 200, 10)
            ],
        )

    moved = archive_orders(engine, before=now - timedelta(days=90), now=now, batch_size=3)

    with engine.connect() as conn:
        live = conn.scalar(select(func.count()).select_from(Order))
        archived = conn.scalar(select(func.count()).select_from(ArchivedOrder))
    assert (moved, live, archived) == (10, 10, 10)
