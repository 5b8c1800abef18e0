import io
import json
import os
from dataclasses import dataclass

import httpx
import pytest
from fastapi.testclient import TestClient

from observability.logs import build_logger
from services.orders.app import create_app as create_orders_app
from services.orders.traced_users_client import TracedUsersClient
from services.users.app import create_app as create_users_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class LogCapture(io.StringIO):
    """The sink a service's logger writes to in tests: every line must be one JSON object."""

    def records(self) -> list[dict]:
        records = []
        for line in self.getvalue().splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise AssertionError(f"a log line that is not JSON: {line!r}") from None
            assert isinstance(record, dict), f"a log line that is not a JSON object: {line!r}"
            records.append(record)
        return records

    def take(self) -> list[dict]:
        """The records written so far, then start afresh."""
        records = self.records()
        self.seek(0)
        self.truncate()
        return records


class FakeClock:
    """A monotonic clock that moves 12.5 ms each time it is read."""

    def __init__(self, step: float = 0.0125) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests on, keeping each one so a test can read the headers that were sent."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)


@dataclass
class Shop:
    orders: TestClient
    users: TestClient
    orders_logs: LogCapture
    users_logs: LogCapture
    downstream: RecordingTransport

    def register(self, email: str = "ada@example.com") -> int:
        response = self.users.post("/users", json={"name": "Ada", "email": email})
        assert response.status_code == 201, response.text
        return response.json()["id"]

    def place_order(self, user_id: int, headers: dict | None = None) -> httpx.Response:
        items = [{"sku": "KB-01", "quantity": 2, "unit_price_cents": 1250}]
        return self.orders.post(
            "/orders", json={"user_id": user_id, "items": items}, headers=headers or {}
        )


def build_shop() -> Shop:
    """The Users and Orders services in this process, each logging into its own capture.

    Built inside each test (not in a fixture) so an unfinished logger fails the test itself."""
    users_logs, orders_logs = LogCapture(), LogCapture()
    users_app = create_users_app(log=build_logger("users", users_logs), clock=FakeClock())
    downstream = RecordingTransport(httpx.ASGITransport(app=users_app))
    orders_app = create_orders_app(
        users=TracedUsersClient("http://users.test", transport=downstream),
        log=build_logger("orders", orders_logs),
        clock=FakeClock(),
    )
    return Shop(
        orders=TestClient(orders_app, raise_server_exceptions=False),
        users=TestClient(users_app, raise_server_exceptions=False),
        orders_logs=orders_logs,
        users_logs=users_logs,
        downstream=downstream,
    )
