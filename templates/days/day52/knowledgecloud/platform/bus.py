"""An in-process message bus with at-least-once delivery, for tests and a laptop.

It behaves like the brokers the course uses live (Redis streams, RabbitMQ) in the ways that
matter to a consumer:

- messages are JSON: what a subscriber receives is a decoded copy, never the producer's object;
- every subscriber has its own queue, delivered in publish order;
- a message stays in the queue until its handler returns; a handler that raises leaves it at
  the head, and the next ``drain`` delivers it again (redelivery);
- publishing the same event twice delivers it twice: deduplication is the consumer's job.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Handler = Callable[[dict], None]


@dataclass
class _Subscription:
    types: frozenset[str]
    handler: Handler
    queue: list[str] = field(default_factory=list)


class InMemoryBus:
    def __init__(self) -> None:
        self.log: list[dict] = []
        self._subscriptions: dict[str, _Subscription] = {}

    def publish(self, event: dict) -> None:
        message = json.dumps(event, sort_keys=True)
        self.log.append(json.loads(message))
        for subscription in self._subscriptions.values():
            if event.get("type") in subscription.types:
                subscription.queue.append(message)

    def subscribe(self, name: str, types: Iterable[str], handler: Handler) -> None:
        """Register a consumer group: it gets the events of these types published from now on."""
        self._subscriptions[name] = _Subscription(frozenset(types), handler)

    def pending(self, name: str) -> int:
        return len(self._subscriptions[name].queue)

    def drain(self, name: str | None = None) -> int:
        """Deliver the queued messages (of one subscriber, or all); return how many were handled."""
        names = [name] if name is not None else list(self._subscriptions)
        handled = 0
        for subscriber in names:
            subscription = self._subscriptions[subscriber]
            while subscription.queue:
                subscription.handler(json.loads(subscription.queue[0]))
                subscription.queue.pop(0)
                handled += 1
        return handled

    def published(self, event_type: str) -> list[dict]:
        return [event for event in self.log if event.get("type") == event_type]
