"""The notifications consumer is idempotent and survives transient failures."""

from messaging.broker import InMemoryBroker
from services.notifications.consumer import NotificationService, RecordingMailer


def test_a_duplicate_delivery_sends_only_one_notification(make_event):
    mailer = RecordingMailer()
    service = NotificationService(mailer)
    broker = InMemoryBroker()
    service.start(broker)

    event = make_event()
    broker.publish("order_created", event)
    broker.publish("order_created", event)  # e.g. the first ack was lost
    broker.publish("order_created", make_event("evt-2", order_id=2))
    broker.run_pending()

    assert [n.subject for n in mailer.sent] == ["Order #1 confirmed", "Order #2 confirmed"]
    assert mailer.sent[0].user_id == 7


def test_a_failed_send_is_retried_through_redelivery(make_event):
    class FlakyMailer(RecordingMailer):
        failures_left = 1

        def send(self, notification):
            if self.failures_left:
                self.failures_left -= 1
                raise TimeoutError("smtp timeout")
            super().send(notification)

    mailer = FlakyMailer()
    broker = InMemoryBroker(max_attempts=3)
    NotificationService(mailer).start(broker)

    broker.publish("order_created", make_event())
    broker.run_pending()
    assert len(mailer.sent) == 1, "the failed attempt must not mark the event as processed"
    assert not broker.dead_letters["notifications"]


def test_other_event_types_are_ignored(make_event):
    mailer = RecordingMailer()
    service = NotificationService(mailer)
    other = make_event().model_copy(update={"type": "order_cancelled"})
    service.handle(other)
    service.handle(make_event())
    assert len(mailer.sent) == 1
