"""`GET /api/agent/jobs`: the caller's jobs, newest first, with their steps and approval.

A listing is where N+1 queries hide. The obvious code asks for the page of jobs (1 query), then,
for each job, its steps and its approval (2 more queries per job): 1 + 2N statements, which is
fine with 3 jobs in a test and slow with 50 jobs and a database across the network. The fix is
to fetch the children of the whole page at once (`WHERE job_id IN (...)`, or a join) so the
number of statements does not grow with the page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from knowledgecloud.agent.app import caller
from knowledgecloud.agent.service import Caller
from knowledgecloud.agent.store import JobStore

MAX_PAGE = 100


def list_jobs(store: JobStore, tenant_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The tenant's newest `limit` jobs, each as
    {id, state, goal, created_at, tools: [tool names in order], approval: {action, decision}|None},
    in a number of SQL statements that does not depend on `limit`."""
    # BEGIN SOLUTION
    jobs = store.query(
        "SELECT id, state, goal, created_at FROM jobs WHERE tenant_id = ?"
        " ORDER BY created_at DESC, id DESC LIMIT ?",
        (tenant_id, limit),
    )
    if not jobs:
        return []
    ids = [row["id"] for row in jobs]
    marks = ", ".join("?" for _ in ids)
    tools: dict[str, list[str]] = {job_id: [] for job_id in ids}
    for row in store.query(
        f"SELECT job_id, tool FROM job_steps WHERE job_id IN ({marks}) ORDER BY job_id, seq", ids
    ):
        tools[row["job_id"]].append(row["tool"])
    approvals = {
        row["job_id"]: {"action": row["action"], "decision": row["decision"]}
        for row in store.query(
            f"SELECT job_id, action, decision FROM approvals WHERE job_id IN ({marks})", ids
        )
    }
    return [
        {
            "id": row["id"],
            "state": row["state"],
            "goal": row["goal"],
            "created_at": row["created_at"],
            "tools": tools[row["id"]],
            "approval": approvals.get(row["id"]),
        }
        for row in jobs
    ]
    # STARTER: raise NotImplementedError(
    # STARTER:     "TODO(day55): list the page of jobs with their steps and approval, "
    # STARTER:     "in a fixed number of queries"
    # STARTER: )
    # END SOLUTION


def listing_router(store: JobStore) -> APIRouter:
    router = APIRouter()

    @router.get("/api/agent/jobs")
    def jobs(
        who: Annotated[Caller, Depends(caller)],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> dict:
        return {"jobs": list_jobs(store, who.tenant_id, limit)}

    return router
