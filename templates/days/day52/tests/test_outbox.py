"""Metadata and event commit together; the relay publishes them, at least once, never lost."""

import hashlib
import json
import uuid
from datetime import datetime

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError

from knowledgecloud.documents.repository import NewDocument
from knowledgecloud.documents.tables import documents, outbox
from knowledgecloud.platform.contracts import CONTRACTS
from tests.conftest import NOW, tenant, upload, upload_ok

NOTES = b"Holiday calendar: the office is closed on 1 May.\n"


class SimulatedCrash(Exception):
    pass


class CrashAfterPublish:
    """The process dies after the broker took the event, before the outbox row is marked."""

    def __init__(self, bus):
        self.bus = bus
        self.crashed = False

    def publish(self, message):
        self.bus.publish(message)
        if not self.crashed:
            self.crashed = True
            raise SimulatedCrash


class BrokerDown:
    def publish(self, message):
        raise ConnectionError("broker unreachable")


def fail_outbox_inserts(engine):
    def before(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO OUTBOX"):
            raise RuntimeError("disk full while writing the outbox")

    event.listen(engine, "before_cursor_execute", before)
    return lambda: event.remove(engine, "before_cursor_execute", before)


def count(engine, table):
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table))


def contract(name):
    schema = json.loads((CONTRACTS / f"{name}.v1.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_document_row_and_outbox_row_commit_together(client, engine):
    repair = fail_outbox_inserts(engine)
    response = upload(client, "holidays.txt", NOTES)
    assert response.status_code == 500
    assert count(engine, documents) == 0, "a document without its event must not be committed"
    assert count(engine, outbox) == 0
    repair()
    upload_ok(client, "holidays.txt", NOTES)
    assert (count(engine, documents), count(engine, outbox)) == (1, 1)


def test_nothing_is_published_before_the_relay_runs(client, bus, relay):
    upload_ok(client, "holidays.txt", NOTES)
    assert bus.log == [], "the request commits; publishing is the relay's job"
    assert relay.run_once() == 1
    assert [e["type"] for e in bus.log] == ["document.uploaded"]


def test_the_relay_publishes_each_event_once(client, bus, relay, engine):
    created = upload_ok(client, "holidays.txt", NOTES)
    upload_ok(client, "holidays-again.txt", NOTES)
    assert relay.run_once() == 1
    assert relay.run_once() == 0
    assert len(bus.log) == 1
    assert bus.log[0]["document_id"] == created["id"]
    with engine.connect() as connection:
        published = connection.execute(select(outbox.c.published_at)).scalars().all()
    assert len(published) == 1 and published[0] is not None


def test_published_event_matches_its_contract(client, bus, relay):
    created = upload_ok(client, "holidays.txt", NOTES)
    relay.run_once()
    (message,) = bus.log
    errors = [e.message for e in contract("document.uploaded").iter_errors(message)]
    assert errors == []
    uuid.UUID(message["event_id"])
    assert datetime.fromisoformat(message["occurred_at"]) == NOW
    assert message["correlation_id"] == tenant()["X-Request-Id"]
    assert message["tenant_id"] == "acme" and message["owner_id"] == "u-1"
    sha = hashlib.sha256(NOTES).hexdigest()
    assert message["sha256"] == sha and message["storage_key"] == f"documents/acme/{sha}"
    assert message["document_id"] == created["id"]
    assert message["size_bytes"] == len(NOTES) and message["content_type"] == "text/plain"


def test_crash_after_publish_redelivers_the_same_event(client, bus, engine, relay):
    from knowledgecloud.platform.outbox import OutboxRelay

    upload_ok(client, "holidays.txt", NOTES)
    crashing = OutboxRelay(engine, outbox, CrashAfterPublish(bus), clock=lambda: NOW)
    with pytest.raises(SimulatedCrash):
        crashing.run_once()
    assert relay.run_once() == 1, "the unmarked row is published again after the restart"
    assert relay.run_once() == 0
    first, second = bus.log
    assert first == second, "a redelivery carries the same event_id for consumers to dedup on"


def test_broker_down_keeps_the_event_for_the_next_run(client, bus, engine, relay):
    from knowledgecloud.platform.outbox import OutboxRelay

    upload_ok(client, "holidays.txt", NOTES)
    with pytest.raises(ConnectionError):
        OutboxRelay(engine, outbox, BrokerDown(), clock=lambda: NOW).run_once()
    assert relay.run_once() == 1, "an event the broker never took must not be marked published"
    assert [e["type"] for e in bus.log] == ["document.uploaded"]


def test_events_are_published_in_commit_order(client, bus, relay):
    ids = [upload_ok(client, f"n{i}.txt", f"note {i}\n".encode())["id"] for i in range(3)]
    relay.run_once()
    assert [e["document_id"] for e in bus.log] == ids


def test_racing_identical_uploads_end_as_one_document(store, engine, monkeypatch):
    sha = hashlib.sha256(NOTES).hexdigest()
    new = NewDocument(
        "acme", "u-1", "a.txt", "text/plain", len(NOTES), sha, f"documents/acme/{sha}"
    )
    first, created = store.record_upload(new, "req-1")
    assert created
    # The second request checked for the content before the first one committed.
    real = store.find_by_sha256
    calls = []

    def stale_then_real(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(store, "find_by_sha256", stale_then_real)
    try:
        second, created_again = store.record_upload(new, "req-2")
    except IntegrityError:
        pytest.fail("the unique constraint fired and the request failed instead of deduplicating")
    assert (second.id, created_again) == (first.id, False)
    assert count(engine, outbox) == 1


def test_delete_queues_document_deleted_with_the_metadata_gone(client, bus, relay, objects, engine):
    created = upload_ok(client, "holidays.txt", NOTES)
    response = client.delete(f"/api/documents/{created['id']}", headers=tenant())
    assert response.status_code == 204
    assert client.get(f"/api/documents/{created['id']}", headers=tenant()).status_code == 404
    assert objects.keys() == []
    assert count(engine, documents) == 0
    relay.run_once()
    assert [e["type"] for e in bus.log] == ["document.uploaded", "document.deleted"]
    deleted = bus.log[1]
    assert [e.message for e in contract("document.deleted").iter_errors(deleted)] == []
    assert deleted["document_id"] == created["id"] and deleted["tenant_id"] == "acme"
