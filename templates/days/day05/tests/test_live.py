"""Checks against the real services. Start them first:

cp .env.example .env && docker compose up -d
BEC_LIVE=1 uv run --env-file .env pytest -m live
"""

import os

import pytest

from app.adapters import qdrant_http, redis_client, sql_engine
from app.connect_all import OK, check_qdrant, check_redis, check_sql


def required(name: str) -> str:
    value = os.environ.get(name)
    assert value, f"set {name} (see .env.example) to run the live tests"
    return value


@pytest.mark.live
def test_live_postgres_answers():
    engine = sql_engine(required("DATABASE_URL"))
    result = check_sql(engine)
    assert result.status == OK, result.detail
    assert result.detail.startswith("postgresql ")


@pytest.mark.live
def test_live_redis_answers():
    result = check_redis(redis_client(required("REDIS_URL")))
    assert result.status == OK, result.detail


@pytest.mark.live
def test_live_qdrant_is_ready():
    with qdrant_http(required("QDRANT_URL")) as client:
        result = check_qdrant(client)
    assert result.status == OK, result.detail
