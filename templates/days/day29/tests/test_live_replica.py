"""The router against the compose Postgres pair: a real primary and a streaming hot standby.

Run with: cp .env.example .env && docker compose up -d, then
    BEC_LIVE=1 uv run --env-file .env pytest -m live
"""

import os
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import exc, text

from shop.app import create_app
from shop.breaker import CircuitBreaker
from shop.clock import FakeClock
from shop.models import Base
from shop.pool import PoolSettings, make_engine
from shop.routing import ReadWriteRouter
from tests.spies import QueryLog, exhausted_pool

pytestmark = pytest.mark.live


@pytest.fixture
def engines():
    primary_url = os.environ.get("DATABASE_URL", "")
    replica_url = os.environ.get("REPLICA_URL", "")
    assert primary_url.startswith("postgres") and replica_url.startswith("postgres"), (
        "set DATABASE_URL and REPLICA_URL to the compose pair (.env.example)"
    )
    primary = make_engine(primary_url, PoolSettings(size=2, max_overflow=1, timeout=1.0))
    replica = make_engine(replica_url, PoolSettings(size=2, max_overflow=1, timeout=1.0))
    Base.metadata.create_all(primary)  # the standby receives the tables through the WAL
    yield primary, replica
    primary.dispose()
    replica.dispose()


def test_the_replica_is_a_read_only_standby(engines):
    primary, replica = engines
    with primary.connect() as conn:
        assert conn.scalar(text("SELECT pg_is_in_recovery()")) is False
    with replica.connect() as conn:
        assert conn.scalar(text("SELECT pg_is_in_recovery()")) is True
        with pytest.raises(exc.InternalError, match="read-only"):
            conn.execute(text("CREATE TABLE should_fail (id int)"))


def test_a_client_reads_its_own_write_from_the_primary(engines):
    primary, replica = engines
    log = QueryLog()
    log.watch(primary, "primary")
    log.watch(replica, "replica")
    router = ReadWriteRouter(primary, replica, clock=FakeClock(), stickiness=5.0)
    client = TestClient(create_app(router, CircuitBreaker(clock=router.clock)))
    email = f"{uuid.uuid4().hex}@example.com"

    created = client.post(
        "/users", json={"name": "Ada", "email": email}, headers={"X-Client-Id": email}
    )
    assert created.status_code == 201, created.text
    log.clear()
    response = client.get(f"/users/{created.json()['id']}", headers={"X-Client-Id": email})

    assert response.status_code == 200, response.text
    assert log.engines("SELECT", "users") == ["primary"]


def test_exhausting_the_postgres_pool_gives_a_503(engines):
    primary, replica = engines
    router = ReadWriteRouter(primary, replica, clock=FakeClock())
    client = TestClient(create_app(router), raise_server_exceptions=False)
    with exhausted_pool(primary) as pool:
        response = client.post("/users", json={"name": "Ada", "email": "pool@example.com"})

    assert response.status_code == 503
    assert pool.waits == [1.0]
