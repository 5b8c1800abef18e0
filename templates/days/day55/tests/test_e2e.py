"""KnowledgeCloud end to end, in one process, over HTTP (httpx.ASGITransport): a document is
uploaded, indexed and found; a person asks, the worker searches and answers with citations, a
write waits for the approver, notifications reach the right people, and the listing shows it
all, for one tenant only."""

from __future__ import annotations

import asyncio
import re

from conftest import ACME_ALICE, ACME_BOB, GLOBEX_BOB
from fakellm import ToolCall

QUESTION = "Within how many days can customers return unused products?"
HANDBOOK = (
    "Returns and refunds.\n"
    "Customers may return unused products within 30 days of delivery.\n"
    "Refunds reach the original payment method within five working days.\n"
)


def test_upload_index_search_then_an_agent_report_citing_the_upload(gateway, platform, capstone):
    async def flow():
        async with gateway as api:
            uploaded = await api.post(
                "/api/documents",
                files={"file": ("returns.txt", HANDBOOK.encode())},
                headers=ACME_ALICE,
            )
            assert uploaded.status_code == 201, uploaded.text
            platform.deliver()  # outbox -> bus -> indexing -> document.indexed
            found = await api.get("/api/search", params={"q": QUESTION}, headers=ACME_ALICE)
            elsewhere = await api.get("/api/search", params={"q": QUESTION}, headers=GLOBEX_BOB)
            created = await api.post("/api/agent/jobs", json={"goal": QUESTION}, headers=ACME_ALICE)
            job_id = created.json()["job_id"]
            capstone.worker.run_pending()
            job = (await api.get(f"/api/agent/jobs/{job_id}", headers=ACME_ALICE)).json()
            listing = (await api.get("/api/agent/jobs", headers=ACME_ALICE)).json()
            inbox = (await api.get("/api/notifications", headers=ACME_ALICE)).json()
            return uploaded.json()["id"], found.json(), elsewhere.json(), job, listing, inbox

    document_id, found, elsewhere, job, listing, inbox = asyncio.run(flow())
    (hit,) = found["results"]
    assert hit["document_id"] == document_id
    assert elsewhere["results"] == []  # another tenant's search never sees acme's upload
    assert job["state"] == "succeeded"
    assert re.findall(r"\[([^\]]+)\]", job["report"]) == [hit["chunk_id"]]
    assert "30 days" in job["report"]
    assert [j["tools"] for j in listing["jobs"]] == [["search_documents"]]
    assert [e["type"] for e in platform.bus.published("document.indexed")] == ["document.indexed"]
    kinds = [n["kind"] for n in inbox["notifications"]]
    assert kinds == ["agent.job.completed", "document.indexed"]  # newest first
    assert document_id in inbox["notifications"][1]["text"]


def test_question_to_cited_report_to_notification(system, asgi, llm):
    async def flow():
        async with asgi as api:
            created = await api.post("/api/agent/jobs", json={"goal": QUESTION}, headers=ACME_ALICE)
            assert created.status_code == 202
            job_id = created.json()["job_id"]
            assert system.worker.run_pending() == {job_id: "succeeded"}
            job = (await api.get(f"/api/agent/jobs/{job_id}", headers=ACME_ALICE)).json()
            inbox = (await api.get("/api/notifications", headers=ACME_ALICE)).json()
            listing = (await api.get("/api/agent/jobs", headers=ACME_ALICE)).json()
            return job_id, job, inbox, listing

    job_id, job, inbox, listing = asyncio.run(flow())
    assert re.findall(r"\[([^\]]+)\]", job["report"]) == ["acme-refunds#0"]
    assert "30 days" in job["report"]
    assert [n["kind"] for n in inbox["notifications"]] == ["agent.job.completed"]
    assert [j["id"] for j in listing["jobs"]] == [job_id]
    (search, answer) = llm.requests
    assert search["messages"][-1]["content"] == QUESTION
    assert any(
        "[acme-refunds#0]" in m["content"] for m in answer["messages"] if m["role"] == "tool"
    )


def test_an_approved_update_reaches_the_document_once(system, asgi, llm, documents):
    llm.reply(
        ToolCall(
            "update_document_metadata",
            {"document_id": "acme-refunds", "metadata": {"status": "reviewed"}},
        ),
        "Marked the refund policy as reviewed.",
    )

    async def flow():
        async with asgi as api:
            created = await api.post(
                "/api/agent/jobs",
                json={"goal": "Mark the refund policy reviewed", "approver_id": "bob"},
                headers=ACME_ALICE,
            )
            job_id = created.json()["job_id"]
            system.worker.run_pending()
            bob_inbox = (await api.get("/api/notifications", headers=ACME_BOB)).json()
            stranger = await api.post(
                f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=GLOBEX_BOB
            )
            approved = await api.post(
                f"/api/agent/jobs/{job_id}/approve", json={"approve": True}, headers=ACME_BOB
            )
            system.worker.run_pending()
            job = (await api.get(f"/api/agent/jobs/{job_id}", headers=ACME_ALICE)).json()
            listing = (await api.get("/api/agent/jobs", headers=ACME_BOB)).json()
            return bob_inbox, stranger.status_code, approved.status_code, job, listing

    bob_inbox, stranger, approved, job, listing = asyncio.run(flow())
    assert [n["kind"] for n in bob_inbox["notifications"]] == ["approval.requested"]
    assert (stranger, approved) == (403, 200)
    assert job["state"] == "succeeded"
    assert documents.updates == [("acme", "acme-refunds", {"status": "reviewed"})]
    (listed,) = listing["jobs"]
    assert listed["tools"] == ["update_document_metadata"]
    assert listed["approval"]["decision"] == "approved"


def test_another_tenant_sees_none_of_the_flow(system, asgi):
    async def flow():
        async with asgi as api:
            created = await api.post("/api/agent/jobs", json={"goal": QUESTION}, headers=ACME_ALICE)
            job_id = created.json()["job_id"]
            system.worker.run_pending()
            read = await api.get(f"/api/agent/jobs/{job_id}", headers=GLOBEX_BOB)
            listing = (await api.get("/api/agent/jobs", headers=GLOBEX_BOB)).json()
            inbox = (await api.get("/api/notifications", headers=GLOBEX_BOB)).json()
            theirs = await api.post("/api/agent/jobs", json={"goal": QUESTION}, headers=GLOBEX_BOB)
            system.worker.run_pending()
            their_job = (
                await api.get(f"/api/agent/jobs/{theirs.json()['job_id']}", headers=GLOBEX_BOB)
            ).json()
            return read.status_code, listing, inbox, their_job

    read, listing, inbox, their_job = asyncio.run(flow())
    assert read == 404
    assert listing == {"jobs": []}
    assert inbox == {"notifications": []}
    # Globex asked the same question: its answer may only come from its own documents.
    assert "acme-" not in their_job["report"]
