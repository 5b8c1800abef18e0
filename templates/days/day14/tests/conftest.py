import os
from datetime import UTC, datetime

import pytest

from messaging.events import Event


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs RabbitMQ from compose.yaml; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def make_event():
    """Builds a hand-made order_created event, independent of the Orders service code."""

    def build(event_id: str = "evt-1", order_id: int = 1) -> Event:
        return Event(
            id=event_id,
            type="order_created",
            version=1,
            occurred_at=datetime(2025, 3, 1, 12, 0, tzinfo=UTC),
            data={"order_id": order_id, "user_id": 7, "total_cents": 2500, "item_count": 2},
        )

    return build
