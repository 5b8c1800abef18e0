"""The same Broker interface on top of RabbitMQ.

The adapter talks to a *channel* object with pika's BlockingChannel methods (exchange_declare,
queue_declare, queue_bind, basic_publish, basic_consume, basic_ack, basic_nack...). The tests hand
it a fake channel; `RabbitMQBroker.connect(url)` builds a real one with pika, which you install
with `uv sync --extra rabbitmq` (or `pip install pika`) when you run against compose.yaml.

Mapping to AMQP:
- one durable *topic exchange* ("shop.events"); the event topic is the routing key;
- each subscribing service declares its own durable quorum queue bound to the topic;
- messages are persistent JSON, `message_id` = event id, `type` = event type;
- a consumer acks after its handler succeeded and nacks with requeue when it failed: that is
  at-least-once delivery. The queue's `x-delivery-limit` stops endless retries: RabbitMQ then
  moves the message to "<queue>.dead-letters" through the dead-letter exchange.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

from messaging.broker import Handler
from messaging.events import Event

EXCHANGE = "shop.events"
DEAD_LETTER_EXCHANGE = "shop.dead-letters"
PERSISTENT = 2  # AMQP delivery_mode: written to disk by the broker


def pika_properties(**fields: Any) -> Any:
    import pika  # imported here so the rest of the lab runs without it

    return pika.BasicProperties(**fields)


class RabbitMQBroker:
    def __init__(
        self,
        channel: Any,
        *,
        max_attempts: int = 3,
        properties: Callable[..., Any] = pika_properties,
    ) -> None:
        self.channel = channel
        self.max_attempts = max_attempts
        self.properties = properties
        channel.exchange_declare(exchange=EXCHANGE, exchange_type="topic", durable=True)
        channel.exchange_declare(
            exchange=DEAD_LETTER_EXCHANGE, exchange_type="direct", durable=True
        )

    @classmethod
    def connect(cls, url: str | None = None, **options: Any) -> RabbitMQBroker:
        """Open a blocking connection to RABBITMQ_URL (see .env.example) and wrap its channel."""
        import pika

        url = url or os.environ["RABBITMQ_URL"]
        connection = pika.BlockingConnection(pika.URLParameters(url))
        return cls(connection.channel(), **options)

    def publish(self, topic: str, event: Event) -> None:
        """basic_publish the event as persistent JSON to EXCHANGE with the topic as routing key.

        Properties to set (through `self.properties(...)`): content_type "application/json",
        delivery_mode PERSISTENT, message_id = event.id, type = event.type.
        """
        # BEGIN SOLUTION
        self.channel.basic_publish(
            exchange=EXCHANGE,
            routing_key=topic,
            body=event.to_json(),
            properties=self.properties(
                content_type="application/json",
                delivery_mode=PERSISTENT,
                message_id=event.id,
                type=event.type,
            ),
        )
        # STARTER: raise NotImplementedError("TODO(day14): basic_publish the event")
        # END SOLUTION

    def subscribe(self, topic: str, queue: str, handler: Handler) -> None:
        dead_letters = f"{queue}.dead-letters"
        self.channel.queue_declare(queue=dead_letters, durable=True)
        self.channel.queue_bind(
            queue=dead_letters, exchange=DEAD_LETTER_EXCHANGE, routing_key=queue
        )
        self.channel.queue_declare(
            queue=queue,
            durable=True,
            arguments={
                "x-queue-type": "quorum",
                # redeliveries allowed after the first attempt
                "x-delivery-limit": self.max_attempts - 1,
                "x-dead-letter-exchange": DEAD_LETTER_EXCHANGE,
                "x-dead-letter-routing-key": queue,
            },
        )
        self.channel.queue_bind(queue=queue, exchange=EXCHANGE, routing_key=topic)
        self.channel.basic_qos(prefetch_count=10)
        self.channel.basic_consume(
            queue=queue, on_message_callback=functools.partial(self.on_message, handler)
        )

    def on_message(self, handler: Handler, channel: Any, method: Any, properties: Any, body: bytes):
        """pika calls this for each delivery (after `handler` is bound by subscribe).

        Decode the body and call the handler; then basic_ack the delivery tag. If the handler
        raises, basic_nack it with requeue=True instead so RabbitMQ delivers it again.
        """
        # BEGIN SOLUTION
        try:
            handler(Event.from_json(body))
        except Exception:
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        else:
            channel.basic_ack(delivery_tag=method.delivery_tag)
        # STARTER: raise NotImplementedError("TODO(day14): ack on success, nack+requeue on error")
        # END SOLUTION

    def run_forever(self) -> None:
        """Block and dispatch deliveries to the subscribed handlers (Ctrl+C to stop)."""
        self.channel.start_consuming()
