import os

import httpx
import pytest
from fastapi.testclient import TestClient

from gateway.app import create_app as create_gateway
from gateway.upstream import Upstream
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
def orders_app(users_app):
    users = UsersClient("http://users.test", transport=httpx.ASGITransport(app=users_app))
    return create_orders_app(users=users)


@pytest.fixture
def users_upstream(users_app) -> Upstream:
    return Upstream("users", "http://users.test", transport=httpx.ASGITransport(app=users_app))


@pytest.fixture
def orders_upstream(orders_app) -> Upstream:
    return Upstream("orders", "http://orders.test", transport=httpx.ASGITransport(app=orders_app))


@pytest.fixture
def gateway(users_upstream, orders_upstream):
    """The gateway in front of the real Users and Orders apps, all in one process."""
    with TestClient(create_gateway(users=users_upstream, orders=orders_upstream)) as client:
        yield client


@pytest.fixture
def gateway_with(users_upstream, orders_upstream):
    """Builds a gateway where one upstream is replaced by a fake transport."""

    def build(users=None, orders=None) -> TestClient:
        def fake(name: str, transport: httpx.AsyncBaseTransport) -> Upstream:
            return Upstream(name, f"http://{name}.test", timeout=0.5, transport=transport)

        return TestClient(
            create_gateway(
                users=fake("users", users) if users else users_upstream,
                orders=fake("orders", orders) if orders else orders_upstream,
            )
        )

    return build


@pytest.fixture
def register(gateway):
    """Registers a user through the gateway and returns it."""

    def register_user(name: str = "Ada", email: str = "ada@example.com") -> dict:
        response = gateway.post("/users", json={"name": name, "email": email})
        assert response.status_code == 201, response.text
        return response.json()

    return register_user
