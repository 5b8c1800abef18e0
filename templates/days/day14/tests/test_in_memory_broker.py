"""Publish/subscribe with at-least-once delivery, in process."""

from messaging.broker import InMemoryBroker


def test_every_subscribed_queue_gets_its_own_copy(make_event):
    broker = InMemoryBroker()
    received: dict[str, list] = {"notifications": [], "analytics": []}
    for queue, inbox in received.items():
        broker.subscribe("order_created", queue, inbox.append)
    broker.subscribe("user_registered", "welcome", lambda event: None)

    event = make_event()
    broker.publish("order_created", event)
    assert broker.pending() == 2, "one copy per queue bound to the topic, none for other topics"
    assert broker.run_pending() == 2
    assert received == {"notifications": [event], "analytics": [event]}
    assert received["notifications"][0] is not event, "consumers get a decoded copy"


def test_a_failing_handler_gets_the_event_again(make_event):
    broker = InMemoryBroker(max_attempts=3)
    attempts: list[str] = []

    def flaky(event):
        attempts.append(event.id)
        if len(attempts) == 1:
            raise ConnectionError("mail server hiccup")

    broker.subscribe("order_created", "notifications", flaky)
    broker.publish("order_created", make_event())
    assert broker.run_pending() == 1
    assert attempts == ["evt-1", "evt-1"]
    assert broker.pending() == 0 and not broker.dead_letters["notifications"]


def test_an_event_that_keeps_failing_is_dead_lettered_and_others_still_flow(make_event):
    broker = InMemoryBroker(max_attempts=3)
    calls: list[str] = []

    def handler(event):
        calls.append(event.id)
        if event.id == "poison":
            raise ValueError("cannot handle this one")

    broker.subscribe("order_created", "notifications", handler)
    broker.publish("order_created", make_event("poison"))
    broker.publish("order_created", make_event("fine", order_id=2))
    assert broker.run_pending() == 1
    assert calls.count("poison") == 3 and calls.count("fine") == 1
    assert [event.id for event in broker.dead_letters["notifications"]] == ["poison"]
    assert broker.pending() == 0
