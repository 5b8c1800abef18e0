"""Helpers: the shop in process with its own registry and a fake clock, and /metrics parsing."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

import httpx
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from shop.app import OrderStore, create_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """Each request reads the clock twice; `durations` says how far apart, request by request."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.durations: list[float] = []
        self._started = False

    def __call__(self) -> float:
        if self._started and self.durations:
            self.now += self.durations.pop(0)
        self._started = not self._started
        return self.now


class BrokenStore(OrderStore):
    def add(self, new):
        raise RuntimeError("database is down")


@dataclass
class Sample:
    name: str
    labels: dict[str, str]
    value: float


class Shop:
    def __init__(self, store: OrderStore | None = None) -> None:
        self.registry = CollectorRegistry()
        self.clock = FakeClock()
        self.app = create_app(self.registry, store=store, clock=self.clock)

    def call(self, method: str, path: str, *, took: float = 0.01, **kwargs) -> int:
        """Send one request that the fake clock says took `took` seconds; the status code."""
        self.clock.durations.append(took)

        async def go() -> int:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(base_url="http://shop.test", transport=transport) as c:
                return (await c.request(method, path, **kwargs)).status_code

        return asyncio.run(go())

    def scrape(self) -> list[Sample]:
        """Every sample of /metrics, as Prometheus would read it."""

        async def go() -> str:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(base_url="http://shop.test", transport=transport) as c:
                answer = await c.get("/metrics")
                assert answer.status_code == 200, answer.text
                return answer.text

        text = asyncio.run(go())
        return [
            Sample(s.name, dict(s.labels), s.value)
            for family in text_string_to_metric_families(text)
            for s in family.samples
        ]

    def value(self, name: str, **labels: str) -> float:
        matching = [
            s.value
            for s in self.scrape()
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
        ]
        assert matching, f"no sample {name}{labels} in /metrics"
        return sum(matching)


def exercised_shop() -> Shop:
    """A shop that has served a bit of everything, for tests that need every series to exist."""
    shop = Shop()
    shop.call("GET", "/users/1")
    shop.call("POST", "/orders", json={"user_id": 1, "sku": "KB-01", "quantity": 1})
    shop.call("GET", "/orders/1")
    shop.call("GET", "/orders/99")
    return shop
