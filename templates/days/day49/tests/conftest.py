"""A team whose models are role-scripted fakes: one FakeLLM per role, answering from the request.

The researcher's fake asks for `search_feedback` first, then reports the order ids the tool
returned; the writer's fake turns the findings it was given into a report. So what each agent
says depends on what it was sent, and the tests can tell whose message caused whose.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from dataclasses import dataclass

import pytest

from fakellm import FakeLLM, ToolCall
from shop.agents import Agent
from shop.bus import Bus
from shop.messages import RESEARCHER, WRITER
from shop.supervisor import Report, Supervisor, Team
from shop.tools import ToolGate


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def user_text(body: dict) -> str:
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


def tool_results(body: dict) -> list[str]:
    return [m["content"] for m in body["messages"] if m["role"] == "tool"]


def researcher_script(body: dict):
    """Search first, then report what the search returned, naming the order ids."""
    text = user_text(body)
    match = re.search(r"for the product: (\S+)", text)
    if match is None:
        return "@writer which product do you mean?"
    product = match.group(1)
    results = tool_results(body)
    if not results:
        return ToolCall("search_feedback", {"product": product})
    entries = json.loads(results[-1])
    ids = ", ".join(str(e["order_id"]) for e in entries)
    return f"Findings for {product}: {len(entries)} reviews (orders {ids})."


def writer_script(body: dict):
    findings = user_text(body).split("\n", 1)[-1]
    return f"Weekly report. {findings}"


@pytest.fixture
def researcher_llm() -> FakeLLM:
    return FakeLLM(default=researcher_script)


@pytest.fixture
def writer_llm() -> FakeLLM:
    return FakeLLM(default=writer_script)


@dataclass
class Run:
    report: Report
    bus: Bus
    gate: ToolGate


@pytest.fixture
def run_report(researcher_llm, writer_llm):
    """Run one weekly report (or several, on one bus) with the fakes; returns a Run."""

    def run(
        *products: str,
        max_hops: int = 12,
        max_attempts: int = 2,
        gate: ToolGate | None = None,
        bus: Bus | None = None,
    ) -> Run | list[Run]:
        bus = bus or Bus(max_hops=max_hops)
        gate = gate or ToolGate()
        agents = [
            Agent(RESEARCHER, researcher_llm.async_client(), "fake-small", gate),
            Agent(WRITER, writer_llm.async_client(), "fake-small", gate),
        ]

        async def main() -> list[Report]:
            team = Team(bus, agents)
            async with team:
                supervisor = Supervisor(bus, team, max_attempts=max_attempts)
                return [await supervisor.weekly_report(p) for p in products or ("kettle",)]

        runs = [Run(report, bus, gate) for report in asyncio.run(main())]
        return runs[0] if len(runs) == 1 else runs

    return run
