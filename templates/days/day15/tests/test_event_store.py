"""The event store only appends, numbers each stream, and detects concurrent writers."""

import pytest
from sqlalchemy import event

from bank.account import Deposit, OpenAccount
from bank.events import AccountOpened, MoneyDeposited, MoneyWithdrawn
from bank.store import ConcurrencyError


def test_appended_events_get_consecutive_versions_and_are_never_changed(store):
    first = store.append("acc-1", [AccountOpened("Ada"), MoneyDeposited(700)], expected_version=0)
    assert [(r.stream_id, r.version, r.type) for r in first] == [
        ("acc-1", 1, "AccountOpened"),
        ("acc-1", 2, "MoneyDeposited"),
    ]
    store.append("acc-2", [AccountOpened("Bob")], expected_version=0)
    store.append("acc-1", [MoneyWithdrawn(200)], expected_version=2)

    stream = store.read_stream("acc-1")
    assert [r.version for r in stream] == [1, 2, 3]
    assert stream[:2] == first, "recorded events must stay exactly as they were"
    assert all(r.recorded_at.utcoffset() is not None for r in stream)
    positions = [r.position for r in store.read_all()]
    assert positions == sorted(positions) and len(positions) == 4


def test_a_stale_expected_version_raises_a_concurrency_error(store):
    store.append("acc-1", [AccountOpened("Ada")], expected_version=0)
    # two clerks read the account at version 1 and both try to deposit
    store.append("acc-1", [MoneyDeposited(100)], expected_version=1)
    with pytest.raises(ConcurrencyError):
        store.append("acc-1", [MoneyDeposited(999)], expected_version=1)
    with pytest.raises(ConcurrencyError):
        store.append("acc-1", [AccountOpened("Mallory")], expected_version=0)
    assert [r.event for r in store.read_stream("acc-1")] == [
        AccountOpened("Ada"),
        MoneyDeposited(100),
    ]


def test_the_service_appends_with_the_version_it_read(service, store, monkeypatch):
    service.handle("acc-1", OpenAccount("Ada"))
    real_read = store.read_stream
    interfered = []

    def read_then_someone_else_writes(stream_id, to_version=None):
        history = real_read(stream_id, to_version)
        if not interfered:  # another process deposits right after our read
            interfered.append(True)
            store.append("acc-1", [MoneyDeposited(1)], expected_version=len(history))
        return history

    monkeypatch.setattr(store, "read_stream", read_then_someone_else_writes)
    with pytest.raises(ConcurrencyError):
        service.handle("acc-1", Deposit(50))
    monkeypatch.undo()
    assert [r.event for r in store.read_stream("acc-1")][-1] == MoneyDeposited(1)


def test_a_writer_that_slips_in_between_the_check_and_the_insert_is_a_concurrency_error(store):
    """The version check passed, then another writer's event 2 landed before our insert: the
    unique (stream_id, version) constraint stops us, and the caller must hear "concurrency"."""
    store.append("acc-1", [AccountOpened("Ada")], expected_version=0)
    slipped_in = []

    def other_writer_first(conn, cursor, statement, parameters, context, executemany):
        if not slipped_in and statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            slipped_in.append(True)
            cursor.connection.execute(
                "INSERT INTO events (stream_id, version, type, data, recorded_at)"
                " VALUES ('acc-1', 2, 'MoneyDeposited', '{\"amount_cents\": 1}',"
                " '2025-01-01 00:00:00.000000')"
            )

    event.listen(store.engine, "before_cursor_execute", other_writer_first)
    try:
        with pytest.raises(ConcurrencyError):
            store.append("acc-1", [MoneyDeposited(999)], expected_version=1)
    finally:
        event.remove(store.engine, "before_cursor_execute", other_writer_first)
    assert slipped_in, "append must insert the events into the events table"
