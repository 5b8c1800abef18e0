"""A plugin host with small limits, an audit log on a fake clock, and the API over both."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from knowledgecloud.plugins import AuditLog, Limits, PluginHost
from knowledgecloud.plugins.api import create_app

FUEL = 200_000
PAGES = 4


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a deployed edge function; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """Starts at a fixed instant and moves one second per reading."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def host() -> PluginHost:
    return PluginHost(Limits(fuel=FUEL, memory_pages=PAGES))


@pytest.fixture
def audit(tmp_path) -> AuditLog:
    return AuditLog(tmp_path / "audit.jsonl", clock=FakeClock())


@pytest.fixture
def api(host, audit):
    with TestClient(create_app(host, audit), raise_server_exceptions=False) as client:
        yield client
