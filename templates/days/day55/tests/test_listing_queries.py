"""The job listing: right content, one tenant, and a number of SQL statements that does not grow
with the page (the N+1 fix). Performance is judged by counting queries, never by a stopwatch."""

from __future__ import annotations

from fastapi.testclient import TestClient

from conftest import ACME_ALICE, ACME_BOB, GLOBEX_BOB
from fakellm import ToolCall
from knowledgecloud.agent.listing import list_jobs
from knowledgecloud.agent.service import Caller


def _jobs(system, tenant: str, count: int) -> list[str]:
    return [
        system.service.create_job(Caller(tenant, "alice"), f"question {n} about refunds").id
        for n in range(count)
    ]


def _selects(system, tenant: str, limit: int = 50) -> tuple[list[dict], list[str]]:
    statements: list[str] = []
    system.store.trace(statements.append)
    try:
        page = list_jobs(system.store, tenant, limit)
    finally:
        system.store.trace(None)
    return page, [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_listing_shows_the_tenants_jobs_newest_first_with_tools_and_approval(system):
    first, second = _jobs(system, "acme", 2)
    _jobs(system, "globex", 1)
    system.worker.run_pending()  # each job searches, then answers
    with TestClient(system.app) as client:
        answer = client.get("/api/agent/jobs", headers=ACME_ALICE)
    assert answer.status_code == 200
    jobs = answer.json()["jobs"]
    assert [job["id"] for job in jobs] == [second, first]
    assert all(job["tools"] == ["search_documents"] for job in jobs)
    assert all(job["state"] == "succeeded" and job["approval"] is None for job in jobs)


def test_listing_includes_a_parked_approval(system, llm):
    llm.reply(
        ToolCall(
            "update_document_metadata",
            {"document_id": "acme-refunds", "metadata": {"status": "reviewed"}},
        )
    )
    system.service.create_job(Caller("acme", "alice"), "Mark the refund policy reviewed", "bob")
    system.worker.run_pending()
    with TestClient(system.app) as client:
        (job,) = client.get("/api/agent/jobs", headers=ACME_ALICE).json()["jobs"]
        assert client.get("/api/agent/jobs", headers=ACME_BOB).json()["jobs"] == [job]
    assert job["state"] == "awaiting_approval"
    assert job["approval"] == {
        "action": "set status=reviewed on document acme-refunds",
        "decision": None,
    }


def test_another_tenant_lists_none_of_the_jobs(system):
    _jobs(system, "acme", 3)
    with TestClient(system.app) as client:
        assert client.get("/api/agent/jobs", headers=GLOBEX_BOB).json() == {"jobs": []}


def test_listing_runs_the_same_small_number_of_queries_for_3_or_30_jobs(system):
    _jobs(system, "acme", 3)
    system.worker.run_pending()
    small_page, small = _selects(system, "acme")
    _jobs(system, "acme", 27)
    system.worker.run_pending()
    large_page, large = _selects(system, "acme")
    assert (len(small_page), len(large_page)) == (3, 30)
    assert len(large) == len(small), large
    assert len(large) <= 3, large
