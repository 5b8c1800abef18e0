"""The same team against a real provider (BEC_LIVE=1, settings from the environment)."""

from __future__ import annotations

import asyncio
import os

import pytest
from openai import AsyncOpenAI

from shop.agents import Agent
from shop.bus import Bus
from shop.config import settings_from_env
from shop.messages import RESEARCHER, WRITER
from shop.supervisor import Supervisor, Team
from shop.tools import ToolGate
from shop.trace import build_trace


@pytest.mark.live
def test_real_models_produce_a_traceable_report():
    settings = settings_from_env(os.environ)
    client = AsyncOpenAI(
        api_key=settings.api_key,
        base_url=settings.base_url,
        timeout=settings.timeout_seconds,
        max_retries=0,
    )
    bus, gate = Bus(), ToolGate()
    agents = [Agent(role, client, settings.model, gate) for role in (RESEARCHER, WRITER)]

    async def main():
        team = Team(bus, agents)
        async with team:
            return await Supervisor(bus, team).weekly_report("kettle")

    report = asyncio.run(main())

    assert report.complete or report.missing
    conversation = bus.conversation(report.correlation_id)
    assert len(build_trace(conversation, report.correlation_id)) == len(conversation)
    assert all(u.role == "researcher" for u in gate.ran if u.tool == "search_feedback")
