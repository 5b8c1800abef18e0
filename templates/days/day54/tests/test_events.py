"""Events match their contracts, and notifications reach the right person exactly once."""

from __future__ import annotations

import jsonschema
import pytest

from conftest import ACME, APPROVER, COLLEAGUE, create_job
from knowledgecloud.agent.events import ContractError, make_event, validate


def test_approval_requested_is_published_valid_and_names_the_approver(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process, approver="bob")
    process.worker.run_pending()
    (event,) = process.bus.published
    validate(event)
    assert event["type"] == "approval.requested"
    assert (event["tenant_id"], event["job_id"], event["correlation_id"]) == (
        "acme",
        job_id,
        job_id,
    )
    assert (event["approver_id"], event["action"]) == ("bob", "update_document_metadata")


def test_a_producer_cannot_publish_an_event_that_breaks_its_contract():
    event = make_event(
        "agent.job.completed",
        tenant_id="acme",
        correlation_id="job-1",
        occurred_at="2026-01-05T09:00:00Z",
        job_id="job-1",
        user_id="alice",
        status="done",  # not one of succeeded, failed, rejected
        report_id=None,
    )
    with pytest.raises(ContractError):
        validate(event)


def test_the_approver_is_notified_and_nobody_else(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process, approver="bob")
    process.worker.run_pending()
    inbox = process.inbox.get("/api/notifications", headers=APPROVER).json()["notifications"]
    assert [(n["kind"], n["job_id"]) for n in inbox] == [("approval.requested", job_id)]
    assert process.inbox.get("/api/notifications", headers=COLLEAGUE).json() == {
        "notifications": []
    }


def test_the_owner_is_notified_when_the_job_completes(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process, approver="bob")
    process.worker.run_pending()
    process.api.post(f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER)
    process.worker.run_pending()
    inbox = process.inbox.get("/api/notifications", headers=ACME).json()["notifications"]
    assert [(n["kind"], n["job_id"]) for n in inbox] == [("agent.job.completed", job_id)]
    assert "succeeded" in inbox[0]["text"]


def test_a_redelivered_event_notifies_once(start, scripted_llm):
    process = start(scripted_llm)
    create_job(process, approver="bob")
    process.worker.run_pending()
    (event,) = process.bus.published
    assert process.notifications.handle(dict(event)) is False  # the bus delivers it again
    assert len(process.notifications.inbox("acme", "bob")) == 1


def test_notifications_refuse_an_event_that_breaks_its_contract(start):
    process = start()
    event = make_event(
        "approval.requested",
        tenant_id="acme",
        correlation_id="job-1",
        occurred_at="2026-01-05T09:00:00Z",
        job_id="job-1",
        approver_id="bob",
        action="update_document_metadata",
        summary="x" * 501,
    )
    with pytest.raises(jsonschema.ValidationError):
        process.notifications.handle(event)
    assert process.notifications.inbox("acme", "bob") == []


def test_the_uploader_hears_when_a_document_is_ready_to_search(start):
    process = start()
    event = make_event(
        "document.indexed",
        tenant_id="acme",
        correlation_id="req-1",
        occurred_at="2026-01-05T09:00:00Z",
        document_id="doc-42",
        owner_id="alice",
        sha256="a" * 64,
        chunk_count=12,
    )
    assert process.notifications.handle(event) is True
    (notice,) = process.notifications.inbox("acme", "alice")
    assert notice["kind"] == "document.indexed"
    assert "doc-42" in notice["text"] and "12 passages" in notice["text"]
    assert process.notifications.inbox("acme", "bob") == []
