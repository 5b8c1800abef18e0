"""The Broker interface and an in-process implementation for tests and local runs.

Vocabulary (close to RabbitMQ's):
- a *topic* is what publishers publish to ("order_created");
- a *queue* belongs to one consuming service ("notifications") and is bound to a topic; every
  queue bound to a topic gets its own copy of each event (publish/subscribe, fan-out);
- delivery is *at least once*: a message leaves its queue only when the handler returns; if the
  handler raises, the message is delivered again later, up to `max_attempts` times, then parked
  in `dead_letters` for a human to look at.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from messaging.events import Event

Handler = Callable[[Event], None]


class Broker(Protocol):
    def publish(self, topic: str, event: Event) -> None: ...

    def subscribe(self, topic: str, queue: str, handler: Handler) -> None: ...


@dataclass
class Message:
    """What sits in a queue: the serialized event and how often it was handed out."""

    body: bytes
    attempts: int = 0


class InMemoryBroker:
    def __init__(self, max_attempts: int = 3) -> None:
        self.max_attempts = max_attempts
        self.bindings: dict[str, list[str]] = defaultdict(list)  # topic -> queue names
        self.queues: dict[str, deque[Message]] = {}
        self.handlers: dict[str, Handler] = {}
        self.dead_letters: dict[str, list[Event]] = defaultdict(list)

    def subscribe(self, topic: str, queue: str, handler: Handler) -> None:
        """Create `queue` (once), bind it to `topic` and attach the consumer's handler."""
        self.queues.setdefault(queue, deque())
        if queue not in self.bindings[topic]:
            self.bindings[topic].append(queue)
        self.handlers[queue] = handler

    def pending(self) -> int:
        """How many messages wait in all queues."""
        return sum(len(queue) for queue in self.queues.values())

    def publish(self, topic: str, event: Event) -> None:
        """Put a serialized copy of `event` in every queue bound to `topic`.

        Nothing is delivered yet: publishing never waits for consumers. With no queue bound,
        the event is dropped, like an exchange without bindings.
        """
        # BEGIN SOLUTION
        body = event.to_json()
        for queue in self.bindings.get(topic, []):
            self.queues[queue].append(Message(body))
        # STARTER: raise NotImplementedError("TODO(day14): copy the event into each bound queue")
        # END SOLUTION

    def run_pending(self) -> int:
        """Deliver messages until every queue is empty; return how many were handled.

        For each message: count the attempt and call the queue's handler with the decoded event.
        If the handler raises, put the message back at the end of its queue, or, once it has
        been tried `max_attempts` times, move the event to `dead_letters[queue]`.
        """
        # BEGIN SOLUTION
        handled = 0
        while self.pending():
            for name, queue in list(self.queues.items()):
                if not queue:
                    continue
                message = queue.popleft()
                message.attempts += 1
                event = Event.from_json(message.body)
                try:
                    self.handlers[name](event)
                except Exception:
                    if message.attempts >= self.max_attempts:
                        self.dead_letters[name].append(event)
                    else:
                        queue.append(message)
                else:
                    handled += 1
        return handled
        # STARTER: raise NotImplementedError("TODO(day14): deliver, retry, dead-letter")
        # END SOLUTION
