import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shop.app import create_app
from shop.breaker import CircuitBreaker
from shop.clock import FakeClock
from shop.models import Base
from shop.pool import PoolSettings, make_engine
from shop.replication import replicate
from shop.routing import ReadWriteRouter
from tests.spies import FaultInjector, QueryLog

STICKINESS = 5.0
FAIL_MAX = 3
RESET_TIMEOUT = 30.0


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Shop:
    """The app on a SQLite primary and replica, with spies on both engines and a fake clock."""

    def __init__(self, tmp_path: Path) -> None:
        self.primary_path = tmp_path / "primary.db"
        self.replica_path = tmp_path / "replica.db"
        self.clock = FakeClock()
        self.settings = PoolSettings()
        self.primary = make_engine(f"sqlite:///{self.primary_path}", self.settings)
        self.replica = make_engine(f"sqlite:///{self.replica_path}", self.settings)
        Base.metadata.create_all(self.primary)
        self.replicate()
        self.log = QueryLog()
        self.log.watch(self.primary, "primary")
        self.log.watch(self.replica, "replica")
        self.faults = FaultInjector()
        self.faults.attach(self.primary)
        self.faults.attach(self.replica)
        self.router = ReadWriteRouter(
            self.primary, self.replica, clock=self.clock, stickiness=STICKINESS
        )
        self.breaker = CircuitBreaker(
            fail_max=FAIL_MAX, reset_timeout=RESET_TIMEOUT, clock=self.clock
        )
        self.client = TestClient(
            create_app(self.router, self.breaker), raise_server_exceptions=False
        )

    def replicate(self) -> None:
        """Replication catches up: the replica now holds everything the primary committed."""
        replicate(self.primary_path, self.replica_path)

    def close(self) -> None:
        self.client.close()
        self.primary.dispose()
        self.replica.dispose()


@pytest.fixture
def shop(tmp_path):
    shop = Shop(tmp_path)
    yield shop
    shop.close()
