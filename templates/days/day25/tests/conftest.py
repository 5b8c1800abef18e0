import os
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from shop.app import create_app

FIXED_NOW = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running API; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def app():
    """A fresh shop (three products, no users, no orders) whose clock always says FIXED_NOW."""
    return create_app(clock=lambda: FIXED_NOW)


@pytest.fixture
def spec(app):
    """The OpenAPI document the app builds from its code, as served at /openapi.json."""
    return app.openapi()


@pytest.fixture
def client(app):
    with TestClient(app) as client:
        yield client
