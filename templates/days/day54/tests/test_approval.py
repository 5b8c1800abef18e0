"""Human approval: no write before it, only the right person may give it, and only once."""

from __future__ import annotations

from conftest import ACME, APPROVER, COLLEAGUE, OTHER_TENANT_BOB, create_job, job_state


def _awaiting(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process, approver="bob")
    process.worker.run_pending()
    return process, job_id


def test_no_write_happens_before_approval(start, scripted_llm, documents):
    process, job_id = _awaiting(start, scripted_llm)
    assert job_state(process, job_id) == "awaiting_approval"
    assert documents.updates == []
    assert documents.metadata[("acme", "doc-refunds")] == {"status": "draft"}
    # Running the worker again changes nothing: the job waits for a person, not for a worker.
    assert process.worker.run_pending() == {}
    assert documents.updates == []
    assert len(process.llm.requests) == 2


def test_approval_by_the_approver_performs_the_write_once_and_finishes(
    start, scripted_llm, documents
):
    process, job_id = _awaiting(start, scripted_llm)
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "approved"
    assert documents.updates == []  # the route decides; the worker writes

    assert process.worker.run_pending() == {job_id: "succeeded"}
    assert documents.updates == [("acme", "doc-refunds", {"status": "reviewed"})]
    last = process.llm.requests[-1]["messages"]
    assert [m["tool_call_id"] for m in last if m["role"] == "tool"] == [
        "call_search",
        "call_update",
    ]
    assert '"status": "reviewed"' in last[-1]["content"]
    (completed,) = process.bus.of_type("agent.job.completed")
    assert (completed["status"], completed["user_id"]) == ("succeeded", "alice")


def test_another_user_of_the_tenant_gets_403_and_nothing_changes(start, scripted_llm, documents):
    process, job_id = _awaiting(start, scripted_llm)
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=COLLEAGUE
    )
    assert answer.status_code == 403
    assert job_state(process, job_id) == "awaiting_approval"
    assert process.store.approval(job_id).decision is None
    assert process.worker.run_pending() == {}
    assert documents.updates == []


def test_the_same_user_id_in_another_tenant_gets_403(start, scripted_llm, documents):
    process, job_id = _awaiting(start, scripted_llm)
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=OTHER_TENANT_BOB
    )
    assert answer.status_code == 403
    assert job_state(process, job_id) == "awaiting_approval"
    assert process.worker.run_pending() == {}
    assert documents.updates == []


def test_the_job_owner_cannot_approve_a_job_someone_else_must_approve(start, scripted_llm):
    process, job_id = _awaiting(start, scripted_llm)
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=ACME
    )
    assert answer.status_code == 403
    assert job_state(process, job_id) == "awaiting_approval"


def test_a_second_decision_is_409_and_the_write_happens_once(start, scripted_llm, documents):
    process, job_id = _awaiting(start, scripted_llm)
    url = f"/api/agent/jobs/{job_id}/approve"
    assert process.api.post(url, json={"approve": True}, headers=APPROVER).status_code == 200
    assert process.api.post(url, json={"approve": True}, headers=APPROVER).status_code == 409
    assert process.api.post(url, json={"approve": False}, headers=APPROVER).status_code == 409
    process.worker.run_pending()
    assert len(documents.updates) == 1


def test_a_job_that_is_not_waiting_cannot_be_approved(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process, approver="bob")  # still queued
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER
    )
    assert answer.status_code == 409
    assert job_state(process, job_id) == "queued"


def test_rejection_ends_the_job_without_the_write(start, scripted_llm, documents):
    process, job_id = _awaiting(start, scripted_llm)
    answer = process.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": False}, headers=APPROVER
    )
    assert answer.json()["state"] == "rejected"
    assert process.worker.run_pending() == {}
    assert documents.updates == []
    assert len(process.llm.requests) == 2
    (completed,) = process.bus.of_type("agent.job.completed")
    assert (completed["status"], completed["report_id"]) == ("rejected", None)
