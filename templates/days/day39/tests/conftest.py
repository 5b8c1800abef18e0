import os

import pytest
from fastapi.testclient import TestClient

from app.catalog import Catalog
from app.main import create_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a running server; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """A clock that moves only when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def catalog():
    return Catalog()


@pytest.fixture
def api(catalog, clock):
    with TestClient(create_app(catalog=catalog, clock=clock, ttl=30.0)) as client:
        yield client


def etag_of(response) -> str:
    etag = response.headers.get("etag")
    assert etag, f"{response.request.url.path} sends no ETag"
    return etag


def directives(cache_control: str) -> dict[str, str | None]:
    """`public, max-age=60` -> {"public": None, "max-age": "60"} (names lower-cased)."""
    out: dict[str, str | None] = {}
    for part in cache_control.split(","):
        part = part.strip()
        if not part:
            continue
        name, _, value = part.partition("=")
        out[name.strip().lower()] = value.strip() or None
    return out


def server_timing(header: str) -> dict[str, dict[str, str]]:
    """`cache;desc="hit", app;dur=1.2` -> {"cache": {"desc": "hit"}, "app": {"dur": "1.2"}}."""
    metrics: dict[str, dict[str, str]] = {}
    for entry in header.split(","):
        name, *params = [p.strip() for p in entry.split(";")]
        metrics[name] = {}
        for param in params:
            key, _, value = param.partition("=")
            metrics[name][key] = value.strip('"')
    return metrics
