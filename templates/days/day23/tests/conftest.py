import os

import httpx
import pytest
from fastapi.testclient import TestClient

from gateway.app import create_app as create_gateway
from gateway.rest import Service, ShopClient
from services.orders.batch import create_app as create_orders_app
from services.orders.store import NewOrder, OrderItem
from services.orders.users_client import UsersClient
from services.users.batch import create_app as create_users_app
from services.users.store import NewUser


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Recorder(httpx.AsyncBaseTransport):
    """Passes every request on to the real app and remembers it: a spy on the gateway's calls."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    def paths(self) -> list[str]:
        return [request.url.path for request in self.requests]

    def ids(self, name: str) -> list[list[int]]:
        """For each request, the values of query parameter `name`, as ints."""
        return [[int(v) for v in r.url.params.get_list(name)] for r in self.requests]

    def clear(self) -> None:
        self.requests.clear()


@pytest.fixture
def users_app():
    return create_users_app()


@pytest.fixture
def orders_app(users_app):
    users = UsersClient("http://users.test", transport=httpx.ASGITransport(app=users_app))
    return create_orders_app(users=users)


@pytest.fixture
def users_calls(users_app) -> Recorder:
    return Recorder(httpx.ASGITransport(app=users_app))


@pytest.fixture
def orders_calls(orders_app) -> Recorder:
    return Recorder(httpx.ASGITransport(app=orders_app))


@pytest.fixture
def shop(users_calls, orders_calls) -> ShopClient:
    return ShopClient(
        users=Service("users", "http://users.test", transport=users_calls),
        orders=Service("orders", "http://orders.test", transport=orders_calls),
    )


@pytest.fixture
def gateway(shop):
    """The GraphQL gateway over the real services, in process; the recorders see every call."""
    with TestClient(create_gateway(shop)) as client:
        yield client


@pytest.fixture
def graphql(gateway):
    """Runs one GraphQL request and returns the decoded JSON answer ({"data", "errors"})."""

    def run(query: str, variables: dict | None = None) -> dict:
        response = gateway.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, response.text
        return response.json()

    return run


@pytest.fixture
def add_user(users_app):
    """Creates a user straight in the Users store (no HTTP, so no recorded call)."""

    def add(name: str) -> dict:
        email = f"{name.lower()}@example.com"
        return users_app.state.store.add(NewUser(name=name, email=email)).model_dump()

    return add


@pytest.fixture
def add_order(orders_app):
    """Creates an order straight in the Orders store (no HTTP, and no check that the user
    exists: that is how a test makes an order whose user has since been removed)."""

    def add(user_id: int, quantity: int = 1) -> dict:
        item = OrderItem(sku="MUG-01", quantity=quantity, unit_price_cents=1250)
        return orders_app.state.store.add(NewOrder(user_id=user_id, items=[item])).model_dump()

    return add


@pytest.fixture
def query(graphql):
    """Runs one GraphQL request that must succeed and returns its `data`."""

    def run(text: str, variables: dict | None = None) -> dict:
        answer = graphql(text, variables)
        assert not answer.get("errors"), answer.get("errors")
        return answer["data"]

    return run
