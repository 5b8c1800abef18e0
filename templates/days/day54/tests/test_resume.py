"""Restarts: a new process over the same database continues the job from its persisted state,
without asking the model again for steps already taken and without repeating a tool call."""

from __future__ import annotations

import openai
import pytest

from conftest import APPROVER, REPORT, SEARCH_CALL, UPDATE_CALL, create_job, job_state
from fakellm import FakeLLM, server_error


def test_a_job_waiting_for_approval_survives_a_restart(start, scripted_llm, documents):
    before = start(scripted_llm)
    job_id = create_job(before)
    before.worker.run_pending()
    before.stop()

    after = start(FakeLLM().reply(REPORT))  # the new process's model only has the report left
    assert job_state(after, job_id) == "awaiting_approval"
    answer = after.api.post(
        f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER
    )
    assert answer.status_code == 200, answer.text
    assert after.worker.run_pending() == {job_id: "succeeded"}

    assert after.search.calls == []  # the search result came from the journal
    assert documents.updates == [("acme", "doc-refunds", {"status": "reviewed"})]
    (request,) = after.llm.requests  # one model call: the report
    tool_results = [m["content"] for m in request["messages"] if m["role"] == "tool"]
    assert "[doc-refunds#0]" in tool_results[0]
    assert '"status": "reviewed"' in tool_results[1]


def test_a_crash_mid_job_resumes_without_repeating_the_search(start, documents):
    crashing = FakeLLM().reply(SEARCH_CALL)
    crashing.inject(server_error(), calls=[2])  # the provider fails after the search ran
    before = start(crashing)
    job_id = create_job(before)
    with pytest.raises(openai.InternalServerError):
        before.worker.run_pending()
    assert job_state(before, job_id) == "running"
    assert len(before.search.calls) == 1
    before.stop()

    after = start(FakeLLM().reply(UPDATE_CALL))
    assert after.worker.run_pending() == {job_id: "awaiting_approval"}
    assert after.search.calls == []
    (request,) = after.llm.requests
    assert [m["tool_call_id"] for m in request["messages"] if m["role"] == "tool"] == [
        "call_search"
    ]


def test_an_approved_write_is_not_repeated_when_the_worker_dies_after_it(
    start, scripted_llm, documents
):
    scripted_llm.inject(server_error(), calls=[3])  # the model fails after the write was done
    before = start(scripted_llm)
    job_id = create_job(before)
    before.worker.run_pending()
    before.api.post(f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER)
    with pytest.raises(openai.InternalServerError):
        before.worker.run_pending()
    assert len(documents.updates) == 1
    before.stop()

    after = start(FakeLLM().reply(REPORT))
    assert after.worker.run_pending() == {job_id: "succeeded"}
    assert len(documents.updates) == 1


def test_an_approved_write_is_not_repeated_when_the_worker_dies_before_moving_on(
    start, scripted_llm, documents, monkeypatch
):
    before = start(scripted_llm)
    job_id = create_job(before)
    before.worker.run_pending()
    before.api.post(f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=APPROVER)

    def die(*args, **kwargs):
        raise RuntimeError("worker killed")

    # The write is done and journaled, then the process dies before `approved → running`.
    monkeypatch.setattr(before.store, "transition", die)
    with pytest.raises(RuntimeError):
        before.worker.run_pending()
    assert job_state(before, job_id) == "approved"
    assert len(documents.updates) == 1
    before.stop()

    after = start(FakeLLM().reply(REPORT))
    assert after.worker.run_pending() == {job_id: "succeeded"}
    assert len(documents.updates) == 1
