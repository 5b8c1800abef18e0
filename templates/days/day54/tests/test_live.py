"""The same agent against a real model (BEC_LIVE=1; LLM_BASE_URL, LLM_MODEL, LLM_API_KEY).

A real model chooses its own steps, so this checks the plumbing, not the words: the job ends
waiting for approval or with a report, and nothing was written without approval."""

from __future__ import annotations

import os

import pytest

from conftest import GOAL, FakeClock, seeded_documents, seeded_search
from knowledgecloud.agent.config import build_client, settings_from_env
from knowledgecloud.agent.events import EventBus
from knowledgecloud.agent.runner import Runner, Worker
from knowledgecloud.agent.service import AgentService, Caller
from knowledgecloud.agent.store import JobStore
from knowledgecloud.agent.tools import Toolbox


@pytest.mark.live
def test_a_real_model_runs_a_job_and_never_writes_without_approval(tmp_path):
    settings = settings_from_env(os.environ)
    store = JobStore(tmp_path / "agent.db")
    documents = seeded_documents()
    bus = EventBus()
    clock = FakeClock()
    runner = Runner(
        store=store,
        llm=build_client(settings),
        model=settings.model,
        toolbox=Toolbox(search=seeded_search(), documents=documents),
        bus=bus,
        now=clock,
    )
    job = AgentService(store=store, bus=bus, now=clock).create_job(Caller("acme", "alice"), GOAL)
    state = Worker(store=store, runner=runner).run_pending()[job.id]
    assert state in {"awaiting_approval", "succeeded"}
    assert documents.updates == []
    if state == "awaiting_approval":
        assert bus.of_type("approval.requested")
