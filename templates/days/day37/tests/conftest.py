"""The shop in one process: gateway -> orders -> users, joined by recording "wires".

A `Wire` stands for the network between two services. It records every request that crosses it,
and it runs the next service in a fresh context, so nothing of the caller's in-process tracing
state leaks across: like a real network, only what is in the request's headers arrives.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
from dataclasses import dataclass, field

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shop import gateway, orders, telemetry, users


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Wire(httpx.AsyncBaseTransport):
    """Carries requests to an ASGI app; `down=True` refuses connections, `status` answers alone."""

    def __init__(self, app=None, *, down: bool = False, status: int | None = None) -> None:
        self.inner = httpx.ASGITransport(app=app) if app is not None else None
        self.down = down
        self.status = status
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if self.status is not None:
            return httpx.Response(self.status, json={"detail": "injected failure"})
        loop = asyncio.get_running_loop()
        task = loop.create_task(
            self.inner.handle_async_request(request), context=contextvars.Context()
        )
        return await task


@dataclass
class Shop:
    exporter: InMemorySpanExporter
    to_orders: Wire
    to_users: Wire
    gateway_app: object = field(repr=False)

    def place_order(self, user_id: int, sku: str = "KB-01", quantity: int = 1) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.gateway_app)
            async with httpx.AsyncClient(base_url="http://gateway.test", transport=transport) as c:
                body = {"user_id": user_id, "sku": sku, "quantity": quantity}
                return await c.post("/api/orders", json=body)

        return asyncio.run(go())

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())


def build_shop(*, users_down: bool = False, users_status: int | None = None) -> Shop:
    """The three services, each with its own tracer provider, all exporting to one exporter."""
    exporter = InMemorySpanExporter()
    users_app = users.create_app(telemetry.tracer_provider("users", exporter))
    to_users = Wire(users_app, down=users_down, status=users_status)
    orders_app = orders.create_app(
        telemetry.tracer_provider("orders", exporter),
        users_url="http://users.test",
        users_transport=to_users,
    )
    to_orders = Wire(orders_app)
    gateway_app = gateway.create_app(
        telemetry.tracer_provider("gateway", exporter),
        orders_url="http://orders.test",
        orders_transport=to_orders,
    )
    return Shop(exporter, to_orders, to_users, gateway_app)


def service(span: ReadableSpan) -> str:
    return span.resource.attributes.get("service.name", "")


def find(spans: list[ReadableSpan], svc: str, name: str) -> ReadableSpan:
    """The one span `name` recorded by service `svc`; fails listing what there is."""
    matches = [s for s in spans if service(s) == svc and s.name == name]
    seen = sorted(f"{service(s)}: {s.name}" for s in spans)
    assert len(matches) == 1, f"expected one {svc!r} span named {name!r}, got {seen}"
    return matches[0]
