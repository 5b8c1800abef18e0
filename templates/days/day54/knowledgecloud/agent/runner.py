"""The worker side: runs a job's ReAct loop, parks writes for approval, resumes after a restart.

One pass of `Runner.run(job_id)`:

1. Look at the job's persisted state. `queued`: start it (`→ running`). `approved`: perform the
   write the approver allowed, journal its result, `→ running`. `running`: a worker died in the
   middle; carry on. Anything else: nothing to do.
2. Loop: rebuild the conversation from the journal (`job_steps`), ask the model, and
   - for each *read* tool call: run it and journal it (call and result) before going on;
   - for a *write* tool call: do NOT run it; park it (`park_for_approval`), publish
     `approval.requested`, and stop. The job now waits for a person, in the database;
   - for a plain answer: that is the report. `→ succeeded`, publish `agent.job.completed`.

Because the conversation is rebuilt from the journal every time, a new process continues a job
without asking the model again for steps it already took and without repeating a tool call.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from openai import OpenAI

from knowledgecloud.agent.events import EventBus, make_event
from knowledgecloud.agent.states import JobState
from knowledgecloud.agent.store import Job, JobStore, Step
from knowledgecloud.agent.tools import TOOL_SPECS, WRITE_TOOLS, Toolbox

log = logging.getLogger("knowledgecloud.agent")

SYSTEM_PROMPT = (
    "You are KnowledgeCloud's document assistant. Use search_documents to find facts in the "
    "tenant's documents and cite passages by their [chunk-id]. Use update_document_metadata "
    "only when the task asks for a change; a person approves it before it happens. When you "
    "are done, answer with the report as plain text."
)


@dataclass
class Runner:
    store: JobStore
    llm: OpenAI
    model: str
    toolbox: Toolbox
    bus: EventBus
    now: Callable[[], str]
    max_model_calls: int = 8

    def run(self, job_id: str) -> JobState:
        """Advance the job as far as it can go without a person; return its state."""
        job = self.store.get(job_id)
        if job is None:
            raise KeyError(job_id)
        # BEGIN SOLUTION
        if job.state == JobState.QUEUED:
            self.store.transition(job.id, JobState.QUEUED, JobState.RUNNING, self.now())
        elif job.state == JobState.APPROVED:
            self._perform_approved_write(job)
        elif job.state != JobState.RUNNING:
            return job.state

        for _ in range(self.max_model_calls):
            steps = self.store.steps(job.id)
            response = self.llm.chat.completions.create(
                model=self.model,
                messages=conversation(job, steps),
                tools=TOOL_SPECS,
            )
            message = response.choices[0].message
            if not message.tool_calls:
                report = message.content or ""
                self.store.transition(
                    job.id, JobState.RUNNING, JobState.SUCCEEDED, self.now(), report=report
                )
                self._completed(job, JobState.SUCCEEDED)
                return JobState.SUCCEEDED
            for call in message.tool_calls:
                name = call.function.name
                arguments = json.loads(call.function.arguments or "{}")
                if name in WRITE_TOOLS:
                    self._park(job, call.id, name, arguments)
                    return JobState.AWAITING_APPROVAL
                result = self._run_tool(job, name, arguments)
                self.store.record_step(job.id, call.id, name, arguments, result)

        self.store.transition(
            job.id,
            JobState.RUNNING,
            JobState.FAILED,
            self.now(),
            error=f"no report after {self.max_model_calls} model calls",
        )
        self._completed(job, JobState.FAILED)
        return JobState.FAILED
        # STARTER: raise NotImplementedError(
        # STARTER:     "TODO(day54): start or resume the job from its persisted state, "
        # STARTER:     "run reads, park writes, finish with a report"
        # STARTER: )
        # END SOLUTION

    def _run_tool(self, job: Job, name: str, arguments: dict[str, Any]) -> str:
        try:
            return self.toolbox.run(job.tenant_id, name, arguments)
        except (KeyError, ValueError) as error:
            # The model asked for something impossible: tell it, so it can try another way.
            return f"error: {error}"

    def _park(self, job: Job, call_id: str, name: str, arguments: dict[str, Any]) -> None:
        action = Toolbox.describe(name, arguments)
        self.store.park_for_approval(job, call_id, name, arguments, action, self.now())
        self.bus.publish(
            make_event(
                "approval.requested",
                tenant_id=job.tenant_id,
                correlation_id=job.id,
                occurred_at=self.now(),
                job_id=job.id,
                approver_id=job.approver_id,
                action=name,
                summary=action[:500],
            )
        )

    def _perform_approved_write(self, job: Job) -> None:
        approval = self.store.approval(job.id)
        if approval is None or approval.decision != JobState.APPROVED:
            raise RuntimeError(f"job {job.id} is approved but has no approved write")
        step = next(s for s in self.store.steps(job.id) if s.seq == approval.seq)
        if step.result is None:  # a worker that died after the write already journaled it
            result = self._run_tool(job, step.tool, step.arguments)
            self.store.complete_step(job.id, step.seq, result)
        self.store.transition(job.id, JobState.APPROVED, JobState.RUNNING, self.now())

    def _completed(self, job: Job, status: JobState) -> None:
        self.bus.publish(
            make_event(
                "agent.job.completed",
                tenant_id=job.tenant_id,
                correlation_id=job.id,
                occurred_at=self.now(),
                job_id=job.id,
                user_id=job.user_id,
                status=status.value,
                report_id=job.id if status == JobState.SUCCEEDED else None,
            )
        )


def conversation(job: Job, steps: list[Step]) -> list[dict[str, Any]]:
    """The messages for the next model call: the task, then every journaled step with its result,
    each as the assistant's tool call followed by the tool's answer."""
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": job.goal},
    ]
    for step in steps:
        if step.result is None:
            break
        messages.append(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": step.call_id,
                        "type": "function",
                        "function": {
                            "name": step.tool,
                            "arguments": json.dumps(step.arguments, sort_keys=True),
                        },
                    }
                ],
            }
        )
        messages.append({"role": "tool", "tool_call_id": step.call_id, "content": step.result})
    return messages


@dataclass
class Worker:
    """Picks up every runnable job (new, approved, or left running by a dead worker). A deployed
    worker calls `run_pending` in a loop in its own process; tests call it when they choose."""

    store: JobStore
    runner: Runner

    def run_pending(self) -> dict[str, JobState]:
        return {job_id: self.runner.run(job_id) for job_id in self.store.runnable()}
