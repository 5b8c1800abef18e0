"""Async jobs: the request only records the job; the worker runs it, with the job's tenant."""

from __future__ import annotations

from conftest import ACME, GOAL, OTHER_TENANT_BOB, REPORT, SEARCH_CALL, create_job, job_state
from fakellm import FakeLLM


def test_post_returns_202_with_a_job_id_and_does_not_run_the_job(start, scripted_llm):
    process = start(scripted_llm)
    answer = process.api.post("/api/agent/jobs", json={"goal": GOAL}, headers=ACME)
    assert answer.status_code == 202
    job_id = answer.json()["job_id"]
    assert answer.headers["location"] == f"/api/agent/jobs/{job_id}"
    assert job_state(process, job_id) == "queued"
    assert process.llm.requests == []  # the request did not wait for the model
    assert process.search.calls == []
    # Without the identity headers the gateway adds, there is no caller.
    assert process.api.post("/api/agent/jobs", json={"goal": GOAL}).status_code == 401


def test_another_tenant_cannot_read_the_job(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process)
    assert process.api.get(f"/api/agent/jobs/{job_id}", headers=OTHER_TENANT_BOB).status_code == 404


def test_worker_runs_the_job_until_it_needs_approval(start, scripted_llm):
    process = start(scripted_llm)
    job_id = create_job(process)
    assert process.worker.run_pending() == {job_id: "awaiting_approval"}

    view = process.api.get(f"/api/agent/jobs/{job_id}", headers=ACME).json()
    assert view["state"] == "awaiting_approval"
    assert [(s["tool"], s["done"]) for s in view["steps"]] == [
        ("search_documents", True),
        ("update_document_metadata", False),
    ]
    assert view["approval"] == {
        "action": "set status=reviewed on document doc-refunds",
        "decision": None,
    }
    assert len(process.llm.requests) == 2


def test_tools_run_with_the_jobs_tenant_and_results_go_back_to_the_model(start, scripted_llm):
    process = start(scripted_llm)
    create_job(process)
    process.worker.run_pending()
    assert process.search.calls == [("acme", "refund window days")]
    first, second = process.llm.requests
    assert first["tools"][0]["function"]["name"] == "search_documents"
    tool_messages = [m for m in second["messages"] if m["role"] == "tool"]
    assert len(tool_messages) == 1
    assert tool_messages[0]["tool_call_id"] == "call_search"
    assert "[doc-refunds#0]" in tool_messages[0]["content"]
    assert "doc-globex" not in tool_messages[0]["content"]


def test_job_without_a_write_succeeds_with_its_report(start):
    process = start(FakeLLM().reply(SEARCH_CALL, REPORT))
    job_id = create_job(process)
    assert process.worker.run_pending() == {job_id: "succeeded"}
    view = process.api.get(f"/api/agent/jobs/{job_id}", headers=ACME).json()
    assert view["report"] == REPORT
    assert view["approval"] is None
    (completed,) = process.bus.of_type("agent.job.completed")
    assert completed["status"] == "succeeded"
    assert completed["report_id"] == job_id
