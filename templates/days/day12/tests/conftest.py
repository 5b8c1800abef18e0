import os

import httpx
import pytest
from fastapi.testclient import TestClient

from services.orders.app import create_app as create_orders_app
from services.orders.users_client import UsersClient
from services.users.app import create_app as create_users_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def users_app():
    return create_users_app()


@pytest.fixture
def users_api(users_app):
    """Talks to the Users service directly, as an admin tool or another team would."""
    with TestClient(users_app) as client:
        yield client


@pytest.fixture
def orders_api(users_app):
    """The Orders service wired to the real Users app, in process, over an ASGI transport."""
    users = UsersClient("http://users.test", transport=httpx.ASGITransport(app=users_app))
    with TestClient(create_orders_app(users=users)) as client:
        yield client


@pytest.fixture
def orders_with_users_transport():
    """Builds an Orders service whose calls to Users go through a given transport."""

    def build(transport: httpx.AsyncBaseTransport) -> TestClient:
        users = UsersClient("http://users.test", timeout=0.5, transport=transport)
        return TestClient(create_orders_app(users=users))

    return build
