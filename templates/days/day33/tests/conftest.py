import io
import os

import pytest
import requests
import requests_mock

from tests.fake_vault import FakeVault


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a running Vault; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """Seconds since the epoch that only move when a test says so."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def vault():
    """An in-process Vault HTTP API (KV v2 at secret/), reached through a requests session."""
    fake = FakeVault(token="s.orders-service-token")
    session = requests.Session()
    adapter = requests_mock.Adapter()
    adapter.add_matcher(fake.handle)
    session.mount("http://vault.test", adapter)
    fake.session = session
    return fake


@pytest.fixture
def audit_stream():
    return io.StringIO()
