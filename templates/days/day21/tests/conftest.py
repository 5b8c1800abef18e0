import os
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from orders_api.app import create_app
from orders_api.db import Order

SECRET = b"test-cursor-secret"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a running service; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """The app's clock: it only moves when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: int = 1) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def app(clock):
    return create_app(database_url="sqlite://", clock=clock, cursor_secret=SECRET)


@pytest.fixture
def api(app):
    with TestClient(app) as client:
        yield client


@pytest.fixture
def seed(app):
    """Insert orders straight into the table: `seed(user_id=1, status="paid", created_at=...)`."""

    def insert(**overrides) -> int:
        values = {
            "user_id": 1,
            "item": "keyboard",
            "quantity": 1,
            "status": "pending",
            "created_at": datetime(2026, 3, 1, 9, 0, 0),
        }
        values.update(overrides)
        with app.state.sessions() as session:
            order = Order(**values)
            session.add(order)
            session.commit()
            return order.id

    return insert
