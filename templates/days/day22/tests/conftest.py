import os
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from orders_api.db import Order
from shop_api.app import create_app

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

    def advance(self, seconds: int = 60) -> None:
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


SHOP = [
    {"user_id": 7, "item": "keyboard", "quantity": 1},
    {"user_id": 8, "item": "mouse", "quantity": 2},
    {"user_id": 7, "item": "monitor", "quantity": 1},
    {"user_id": 7, "item": "cable", "quantity": 3},
    {"user_id": 8, "item": "desk", "quantity": 1},
]


@pytest.fixture
def shop(app, api, clock):
    """Five orders placed a minute apart (ids 1 to 5, the last one paid); returns the client."""
    with app.state.sessions() as session:
        for number, order in enumerate(SHOP, start=1):
            status = "paid" if number == 5 else "pending"
            session.add(Order(**order, status=status, created_at=clock()))
            clock.advance()
        session.commit()
    return api
