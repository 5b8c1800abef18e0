"""The Notifications service: reacts to order_created by telling the customer.

It only consumes events; nobody calls it. Because delivery is at least once, the same event
can arrive twice (a lost ack, a consumer restart): handling must be idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from messaging import events
from messaging.broker import Broker

QUEUE = "notifications"


@dataclass(frozen=True)
class Notification:
    user_id: int
    subject: str
    body: str


class Mailer(Protocol):
    def send(self, notification: Notification) -> None: ...


@dataclass
class RecordingMailer:
    """Stands in for an e-mail provider: remembers what it was asked to send."""

    sent: list[Notification] = field(default_factory=list)

    def send(self, notification: Notification) -> None:
        self.sent.append(notification)


class ProcessedEvents:
    """Ids of events already handled. In production: a table with a unique key, or a Redis set,
    written in the same transaction as the effect when the effect is a database write."""

    def __init__(self) -> None:
        self._ids: set[str] = set()

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._ids

    def add(self, event_id: str) -> None:
        self._ids.add(event_id)


class NotificationService:
    def __init__(self, mailer: Mailer, processed: ProcessedEvents | None = None) -> None:
        self.mailer = mailer
        self.processed = processed if processed is not None else ProcessedEvents()

    def handle(self, event: events.Event) -> None:
        """Send one confirmation per order_created event, even if it is delivered twice.

        Ignore other event types. Skip events whose id was already processed. Mark the id as
        processed only after the mailer succeeded, so a failure leads to a retry, not a loss.
        """
        # BEGIN SOLUTION
        if event.type != events.ORDER_CREATED or event.id in self.processed:
            return
        order = events.OrderCreatedV1.model_validate(event.data)
        self.mailer.send(
            Notification(
                user_id=order.user_id,
                subject=f"Order #{order.order_id} confirmed",
                body=f"Thanks! {order.item_count} item(s), {order.total_cents / 100:.2f} in total.",
            )
        )
        self.processed.add(event.id)
        # STARTER: raise NotImplementedError("TODO(day14): deduplicate, then send the notification")
        # END SOLUTION

    def start(self, broker: Broker) -> None:
        """Bind this service's queue to the order_created topic."""
        broker.subscribe(events.ORDER_CREATED, QUEUE, self.handle)
