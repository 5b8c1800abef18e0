from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.users import UserStore

SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"
TTL = 900


class FakeClock:
    """A clock the tests move by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def ttl() -> int:
    """Access-token lifetime, in seconds, of the app under test."""
    return TTL


@pytest.fixture
def clock():
    return FakeClock(datetime(2025, 1, 15, 12, 0, tzinfo=UTC))


@pytest.fixture
def store():
    return UserStore()


@pytest.fixture
def client(clock, store):
    settings = Settings(jwt_secret=SECRET, access_token_ttl_seconds=TTL)
    with TestClient(create_app(settings, clock=clock, store=store)) as test_client:
        yield test_client
