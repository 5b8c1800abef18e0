import json
import os
import socket
import threading
from pathlib import Path

# Pact sends anonymous usage data unless told not to; lab tests never call out.
os.environ.setdefault("PACT_DO_NOT_TRACK", "true")

import httpx  # noqa: E402
import pytest  # noqa: E402
import uvicorn  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from contracts.gateway_orders import add_interactions, new_pact  # noqa: E402
from gateway.app import create_app as create_gateway  # noqa: E402
from gateway.orders_client import OrdersClient  # noqa: E402
from gateway.upstream import Upstream  # noqa: E402
from services.orders.app import create_app as create_orders_app  # noqa: E402
from services.orders.users_client import UsersClient  # noqa: E402
from services.users.app import create_app as create_users_app  # noqa: E402


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def exercise_consumer(client: OrdersClient) -> dict:
    """What the gateway does with each interaction; returns what it saw."""
    from gateway.orders_client import OrderNotFound, TransitionRefused

    seen: dict = {"order": client.get_order(1)}
    try:
        client.get_order(99)
    except OrderNotFound:
        seen["missing"] = True
    seen["paid"] = client.pay(1)
    try:
        client.pay(2)
    except TransitionRefused as exc:
        seen["refused"] = str(exc)
    return seen


def write_pact(directory: Path) -> tuple[Path, dict]:
    """Run the consumer side against Pact's mock server and write the pact file.

    Called inside tests (not as a fixture), so an unfinished contract fails the test itself."""
    pact = new_pact()
    add_interactions(pact)
    with pact.serve(addr="127.0.0.1") as server:
        seen = exercise_consumer(OrdersClient(str(server.url)))
    pact.write_file(directory, overwrite=True)
    files = list(directory.glob("*.json"))
    assert len(files) == 1, f"expected one pact file, found {files}"
    return files[0], seen


def load_pact(path: Path) -> dict:
    return json.loads(path.read_text())


class ServiceInThread:
    """A real HTTP server (uvicorn) for `app` on 127.0.0.1 and a free port, in a thread.

    The socket is bound and listening before the thread starts, so a client can connect at once:
    its connection waits in the listen queue until uvicorn accepts it. No sleeping, no polling."""

    def __init__(self, app) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join()
        self.sock.close()


@pytest.fixture
def users_app():
    return create_users_app()


@pytest.fixture
def orders_app(users_app):
    users = UsersClient("http://users.test", transport=httpx.ASGITransport(app=users_app))
    return create_orders_app(users=users)


@pytest.fixture
def shop(users_app, orders_app):
    """The gateway in front of the real Users and Orders apps, all in one process."""
    users = Upstream("users", "http://users.test", transport=httpx.ASGITransport(app=users_app))
    orders = Upstream("orders", "http://orders.test", transport=httpx.ASGITransport(app=orders_app))
    with TestClient(create_gateway(users=users, orders=orders)) as client:
        yield client
