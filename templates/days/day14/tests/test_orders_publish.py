"""The Orders service announces new orders and does not depend on who listens."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from messaging.broker import InMemoryBroker
from messaging.events import Event, OrderCreatedV1
from services.orders.app import create_app

ORDER = {
    "user_id": 7,
    "items": [
        {"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250},
        {"sku": "TEA-03", "quantity": 1, "unit_price_cents": 500},
    ],
}


class RecordingBroker:
    def __init__(self) -> None:
        self.published: list[tuple[str, Event]] = []

    def publish(self, topic: str, event: Event) -> None:
        self.published.append((topic, event))

    def subscribe(self, topic, queue, handler) -> None:
        raise AssertionError("the orders service only publishes")


def test_creating_an_order_publishes_a_versioned_order_created_event():
    broker = RecordingBroker()
    with TestClient(create_app(broker=broker)) as client:
        first = client.post("/orders", json=ORDER)
        second = client.post("/orders", json=ORDER)
    assert first.status_code == second.status_code == 201

    assert [topic for topic, _ in broker.published] == ["order_created", "order_created"]
    event = broker.published[0][1]
    assert event.type == "order_created" and event.version == 1
    assert event.id and event.id != broker.published[1][1].id, "every event needs its own id"
    assert abs(datetime.now(UTC) - event.occurred_at) < timedelta(minutes=1)
    assert event.occurred_at.utcoffset() == timedelta(0), "occurred_at must be in UTC"
    data = OrderCreatedV1.model_validate(event.data)
    assert data == OrderCreatedV1(
        order_id=first.json()["id"], user_id=7, total_cents=3000, item_count=3
    )
    assert Event.from_json(event.to_json()) == event


def test_orders_are_accepted_while_the_consumer_is_failing():
    broker = InMemoryBroker(max_attempts=2)

    def broken_consumer(event):
        raise RuntimeError("notifications is having a bad day")

    broker.subscribe("order_created", "notifications", broken_consumer)
    with TestClient(create_app(broker=broker)) as client:
        response = client.post("/orders", json=ORDER)
        assert response.status_code == 201
        assert broker.pending() == 1, "the event waits in the consumer's queue"

        broker.run_pending()
        assert client.get(f"/orders/{response.json()['id']}").status_code == 200
    assert len(broker.dead_letters["notifications"]) == 1
