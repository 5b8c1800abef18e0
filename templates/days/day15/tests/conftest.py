import os

import pytest

from bank.projections import BalancesProjection
from bank.service import AccountService
from bank.store import EventStore


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs Postgres from compose.yaml; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def store() -> EventStore:
    """A fresh in-memory SQLite event store (tests never use DATABASE_URL by accident)."""
    return EventStore("sqlite+pysqlite:///:memory:")


@pytest.fixture
def balances() -> BalancesProjection:
    return BalancesProjection()


@pytest.fixture
def service(store, balances) -> AccountService:
    return AccountService(store, projections=[balances])
