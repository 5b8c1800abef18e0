"""The RabbitMQ adapter, checked against a fake channel that records the AMQP calls."""

import os
from types import SimpleNamespace

import pytest

from messaging.rabbitmq import EXCHANGE, RabbitMQBroker


class FakeChannel:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.consumers: dict[str, object] = {}

    def __getattr__(self, name):
        def record(*args, **kwargs):
            assert not args, f"call {name} with keyword arguments"
            self.calls.append((name, kwargs))
            if name == "basic_consume":
                self.consumers[kwargs["queue"]] = kwargs["on_message_callback"]

        return record

    def named(self, name: str) -> list[dict]:
        return [kwargs for call, kwargs in self.calls if call == name]


def test_publish_sends_persistent_json_to_the_topic_exchange(make_event):
    channel = FakeChannel()
    broker = RabbitMQBroker(channel, properties=lambda **fields: fields)
    event = make_event()
    broker.publish("order_created", event)

    [published] = channel.named("basic_publish")
    assert published["exchange"] == EXCHANGE
    assert published["routing_key"] == "order_created"
    assert published["body"] == event.to_json()
    assert published["properties"] == {
        "content_type": "application/json",
        "delivery_mode": 2,
        "message_id": "evt-1",
        "type": "order_created",
    }


def test_consumer_acks_after_success_and_requeues_after_failure(make_event):
    channel = FakeChannel()
    broker = RabbitMQBroker(channel, properties=lambda **fields: fields)
    handled = []

    def handler(event):
        if event.id == "bad":
            raise RuntimeError("boom")
        handled.append(event.id)

    broker.subscribe("order_created", "notifications", handler)
    deliver = channel.consumers["notifications"]
    deliver(channel, SimpleNamespace(delivery_tag=1), None, make_event("good").to_json())
    deliver(channel, SimpleNamespace(delivery_tag=2), None, make_event("bad").to_json())

    assert handled == ["good"]
    assert channel.named("basic_ack") == [{"delivery_tag": 1}]
    assert channel.named("basic_nack") == [{"delivery_tag": 2, "requeue": True}]


@pytest.mark.live
def test_round_trip_through_a_real_rabbitmq(make_event):
    pytest.importorskip("pika", reason="install pika: uv sync --extra rabbitmq")
    broker = RabbitMQBroker.connect(os.environ["RABBITMQ_URL"])
    queue = f"live-test-{os.getpid()}"
    received = []

    def handler(event):
        received.append(event)
        broker.channel.stop_consuming()

    broker.subscribe("order_created", queue, handler)
    broker.publish("order_created", make_event("live-1"))
    broker.channel.connection.call_later(10, broker.channel.stop_consuming)
    broker.run_forever()
    broker.channel.queue_delete(queue=queue)
    broker.channel.queue_delete(queue=f"{queue}.dead-letters")
    broker.channel.connection.close()
    assert [event.id for event in received] == ["live-1"]
