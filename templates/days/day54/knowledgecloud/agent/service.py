"""The agent's use cases, between the HTTP routes and the store: create, read, approve."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledgecloud.agent.events import EventBus, make_event
from knowledgecloud.agent.states import IllegalTransition, JobState
from knowledgecloud.agent.store import Job, JobStore


@dataclass(frozen=True)
class Caller:
    """Who is asking, as the gateway vouches for it after checking the JWT."""

    tenant_id: str
    user_id: str


class NotFound(Exception):
    pass


class Forbidden(Exception):
    pass


class Conflict(Exception):
    pass


@dataclass
class AgentService:
    store: JobStore
    bus: EventBus
    now: Callable[[], str]
    new_id: Callable[[], str] = lambda: str(uuid.uuid4())

    def create_job(self, caller: Caller, goal: str, approver_id: str | None = None) -> Job:
        """Store a queued job and return at once: the worker runs it later. The approver defaults
        to the caller."""
        # BEGIN SOLUTION
        at = self.now()
        job = Job(
            id=self.new_id(),
            tenant_id=caller.tenant_id,
            user_id=caller.user_id,
            approver_id=approver_id or caller.user_id,
            goal=goal,
            state=JobState.QUEUED,
            report=None,
            error=None,
            created_at=at,
            updated_at=at,
        )
        self.store.create(job)
        return job
        # STARTER: raise NotImplementedError("TODO(day54): store a queued job; do not run it here")
        # END SOLUTION

    def view(self, caller: Caller, job_id: str) -> dict[str, Any]:
        job = self.store.get(job_id)
        if job is None or job.tenant_id != caller.tenant_id:
            raise NotFound(job_id)  # another tenant's job does not exist, as far as you know
        approval = self.store.approval(job_id)
        return {
            "id": job.id,
            "state": job.state.value,
            "goal": job.goal,
            "user_id": job.user_id,
            "approver_id": job.approver_id,
            "report": job.report,
            "error": job.error,
            "steps": [
                {"tool": s.tool, "arguments": s.arguments, "done": s.result is not None}
                for s in self.store.steps(job_id)
            ],
            "approval": None
            if approval is None
            else {"action": approval.action, "decision": approval.decision},
        }

    def decide(self, caller: Caller, job_id: str, approve: bool) -> JobState:
        """The approver's answer to a parked write.

        Only the job's approver, in the job's tenant, may decide (anyone else: Forbidden, and
        nothing changes). Only a job awaiting approval can be decided (else Conflict): a second
        click, or two approvers at once, must not approve twice. A rejection ends the job and
        publishes `agent.job.completed` with status `rejected`; an approval leaves the write to
        the worker.
        """
        job = self.store.get(job_id)
        if job is None:
            raise NotFound(job_id)
        # BEGIN SOLUTION
        approval = self.store.approval(job_id)
        if job.tenant_id != caller.tenant_id:
            raise Forbidden("this job belongs to another tenant")
        if caller.user_id != (approval.approver_id if approval else job.approver_id):
            raise Forbidden("only the job's approver may decide")
        try:
            state = self.store.decide(job_id, approve, caller.user_id, self.now())
        except IllegalTransition as error:
            raise Conflict(str(error)) from error
        if state == JobState.REJECTED:
            self.bus.publish(
                make_event(
                    "agent.job.completed",
                    tenant_id=job.tenant_id,
                    correlation_id=job.id,
                    occurred_at=self.now(),
                    job_id=job.id,
                    user_id=job.user_id,
                    status="rejected",
                    report_id=None,
                )
            )
        return state
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day54): check tenant and approver, then decide with a compare-and-set"
        # STARTER: )
        # END SOLUTION
