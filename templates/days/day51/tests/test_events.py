"""Event rules, each proven on a copy broken in exactly one way."""

from __future__ import annotations

from archcheck.checker import check
from tests.conftest import rules, with_rule


def test_two_producers_of_one_event_are_reported(copy):
    data = copy.arch()
    copy.service(data, "indexing")["produces"].append("document.uploaded")
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "events.single-producer")
    assert len(messages) == 1, messages
    assert "document.uploaded" in messages[0]
    assert "documents" in messages[0] and "indexing" in messages[0]


def test_a_consumed_event_nobody_produces_is_reported(copy):
    data = copy.arch()
    agent = copy.service(data, "agent")
    agent["produces"] = [e for e in agent["produces"] if e != "approval.requested"]
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "events.no-producer")
    assert len(messages) == 1 and "approval.requested" in messages[0], messages
    assert "notifications" in messages[0], "the message names who waits for it"


def test_an_event_without_a_contract_is_reported(copy):
    data = copy.arch()
    data["events"]["document.indexed"] = {"version": 2}
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "events.schema-missing")
    assert len(messages) == 1 and "document.indexed" in messages[0], messages


def test_an_event_used_but_not_declared_is_reported(copy):
    data = copy.arch()
    copy.service(data, "search")["produces"].append("search.performed")
    copy.service(data, "notifications")["consumes"].append("search.performed")
    copy.save_arch(data)
    problems = check(copy.root)
    assert any("search.performed" in m for m in with_rule(problems, "events.undeclared"))


def test_example_with_a_malformed_uuid_is_reported(copy):
    copy.edit(
        "examples/events.yaml",
        "event_id: 2c9d8e7f-6a5b-4c3d-8e1f-0a9b8c7d6e5f",
        "event_id: delete-42",
    )
    messages = with_rule(check(copy.root), "events.example-invalid")
    assert len(messages) == 1, messages
    assert "document.deleted" in messages[0] and "event_id" in messages[0]


def test_example_with_a_timestamp_that_is_not_rfc3339_is_reported(copy):
    copy.edit("examples/events.yaml", '"2026-03-02T09:15:07Z"', '"yesterday at nine"')
    messages = with_rule(check(copy.root), "events.example-invalid")
    assert len(messages) == 1 and "document.indexed" in messages[0], messages


def test_example_missing_a_required_field_is_reported(copy):
    copy.edit("examples/events.yaml", "  chunk_count: 37\n", "")
    messages = with_rule(check(copy.root), "events.example-invalid")
    assert any("chunk_count" in m for m in messages), messages


def test_breaking_events_does_not_raise_other_alarms(copy):
    copy.edit("examples/events.yaml", "  chunk_count: 37\n", "")
    assert set(rules(check(copy.root))) == {"events.example-invalid"}
