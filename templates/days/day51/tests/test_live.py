"""The same DDL on a real PostgreSQL: each service in a schema of its own.

Run with BEC_LIVE=1 and DATABASE_URL, e.g.
docker run --rm -e POSTGRES_PASSWORD=dev -p 5432:5432 postgres:17.5-alpine
DATABASE_URL=postgresql://postgres:dev@localhost:5432/postgres BEC_LIVE=1 \
    python -m pytest tests/test_live.py
"""

from __future__ import annotations

import os

import pytest

from archcheck.model import load
from tests.conftest import DAY


@pytest.mark.live
def test_every_services_ddl_runs_on_postgres_in_its_own_schema():
    import psycopg

    url = os.environ.get("DATABASE_URL")
    assert url, "set DATABASE_URL to a PostgreSQL you may create schemas in"
    arch = load(DAY)
    with psycopg.connect(url, autocommit=True) as conn:
        for service in arch.services:
            if not service.owns:
                continue
            schema = f"kc51_{service.name}"
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{schema}"')
            conn.execute(f'SET search_path TO "{schema}"')
            conn.execute((DAY / "ddl" / f"{service.name}.sql").read_text(encoding="utf-8"))
            rows = conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,),
            ).fetchall()
            assert sorted(r[0] for r in rows) == sorted(service.owns)
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
