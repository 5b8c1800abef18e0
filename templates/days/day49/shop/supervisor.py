"""The supervisor: hands the weekly report to a researcher, then a writer, and always returns one.

    bus = Bus()
    team = Team(bus, [researcher, writer])
    async with team:
        report = await Supervisor(bus, team).weekly_report("kettle")

Workers fail: the provider returns 500s, a model loops. The supervisor gives each step
`max_attempts` tries. When a step still fails, or the bus stops the conversation at its hop
limit, the supervisor does not raise and does not retry forever: it returns a partial report
that keeps what was done and says, in `missing`, what is not there.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

from shop.agents import Agent
from shop.bus import Bus
from shop.messages import (
    FAILED,
    HOP_LIMIT,
    RESEARCHER,
    RESULT,
    SUPERVISOR,
    TASK,
    WRITER,
    Message,
    caused_by,
    start,
)

RESEARCH = "research"  # what `missing` says when the researcher's findings are not there
WRITING = "writing"  # ... and when the writer's report is not there


@dataclass
class Report:
    product: str
    correlation_id: str
    text: str
    complete: bool
    missing: list[str] = field(default_factory=list)
    attempts: dict[str, int] = field(default_factory=dict)  # role -> tasks sent to it
    reasons: list[str] = field(default_factory=list)  # why each missing part is missing


class Team:
    """Runs each agent as a task reading its inbox. `receive` waits for a message to the
    supervisor, and raises at once if a worker task crashed (instead of waiting forever)."""

    def __init__(self, bus: Bus, agents: list[Agent]) -> None:
        self.bus = bus
        self.agents = agents
        self._tasks: list[asyncio.Task] = []

    async def __aenter__(self) -> Team:
        self._tasks = [asyncio.create_task(self._serve(agent)) for agent in self.agents]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _serve(self, agent: Agent) -> None:
        inbox = self.bus.inbox(agent.role)
        while True:
            message = await inbox.get()
            self.bus.publish(await agent.handle(message))

    async def receive(self) -> Message:
        getter = asyncio.ensure_future(self.bus.inbox(SUPERVISOR).get())
        done, _ = await asyncio.wait({getter, *self._tasks}, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            return getter.result()
        getter.cancel()
        for task in done:
            task.result()  # re-raises the worker's crash
        raise RuntimeError("a worker stopped")


class Supervisor:
    def __init__(self, bus: Bus, team: Team, *, max_attempts: int = 2) -> None:
        self.bus = bus
        self.team = team
        self.max_attempts = max_attempts

    async def ask(
        self, role: str, cause: Message | None, text: str, product: str, report: Report
    ) -> tuple[Message | None, str]:
        """Give `role` a task and wait for its RESULT, retrying after FAILED replies.

        The first task is caused by `cause` (or starts the conversation when `cause` is None);
        each retry is caused by the FAILED message it answers. At most `max_attempts` tasks are
        sent to the role (count them in `report.attempts[role]`). Returns (the RESULT message,
        "") on success, or (None, reason) when the attempts are used up ("<role> failed
        <n> times: <last error>") or the bus reported its hop limit ("hop limit reached").
        """
        # BEGIN SOLUTION
        body = {"text": text, "product": product}
        if cause is None:
            task = start(SUPERVISOR, role, TASK, body)
        else:
            task = caused_by(cause, SUPERVISOR, role, TASK, body)
        report.correlation_id = task.correlation_id
        report.attempts[role] = 1
        self.bus.publish(task)
        while True:
            reply = await self.team.receive()
            if reply.kind == HOP_LIMIT:
                return None, "hop limit reached"
            if reply.kind == RESULT:
                return reply, ""
            if reply.kind == FAILED:
                if report.attempts[role] >= self.max_attempts:
                    error = reply.body.get("error", "")
                    return None, f"{role} failed {report.attempts[role]} times: {error}"
                report.attempts[role] += 1
                self.bus.publish(caused_by(reply, SUPERVISOR, role, TASK, body))
        # STARTER: raise NotImplementedError("TODO(day49): send the task, retry FAILED, give up")
        # END SOLUTION

    async def weekly_report(self, product: str) -> Report:
        """Research, then writing. A step that gives up ends the run with a partial report:
        `complete` False, `missing` naming RESEARCH and/or WRITING, `reasons` saying why, and the
        text keeping what was done (the findings, when the researcher delivered)."""
        report = Report(product, "", "", complete=False)
        # BEGIN SOLUTION
        findings, reason = await self.ask(
            RESEARCHER,
            None,
            f"Collect this week's customer feedback for the product: {product}",
            product,
            report,
        )
        if findings is None:
            report.missing = [RESEARCH, WRITING]
            report.reasons = [reason]
            report.text = (
                f"Weekly feedback report for {product} (PARTIAL)\n"
                f"Missing: research and writing ({reason})."
            )
            return report
        research = findings.body["text"]
        written, reason = await self.ask(
            WRITER,
            findings,
            f"Write the weekly feedback report for {product} from these findings:\n{research}",
            product,
            report,
        )
        if written is None:
            report.missing = [WRITING]
            report.reasons = [reason]
            report.text = (
                f"Weekly feedback report for {product} (PARTIAL)\n"
                f"Missing: the written report ({reason}). The researcher's findings:\n{research}"
            )
            return report
        report.text = written.body["text"]
        report.complete = True
        return report
        # STARTER: raise NotImplementedError("TODO(day49): research, then writing, or a partial")
        # END SOLUTION
