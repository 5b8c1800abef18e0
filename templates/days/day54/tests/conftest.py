"""A KnowledgeCloud agent 'process' built over files in tmp_path, so a test can stop one and start
another over the same database, as a restart would."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from fakellm import FakeLLM, ToolCall
from knowledgecloud.agent.app import create_app
from knowledgecloud.agent.events import EventBus
from knowledgecloud.agent.runner import Runner, Worker
from knowledgecloud.agent.service import AgentService
from knowledgecloud.agent.store import JobStore
from knowledgecloud.agent.tools import InMemoryDocuments, InMemorySearch, Toolbox
from knowledgecloud.notifications.app import create_app as create_notifications_app
from knowledgecloud.notifications.service import Notifications


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


ACME = {"x-tenant-id": "acme", "x-user-id": "alice"}  # asks for jobs
APPROVER = {"x-tenant-id": "acme", "x-user-id": "bob"}  # approves them
COLLEAGUE = {"x-tenant-id": "acme", "x-user-id": "carol"}  # same tenant, not the approver
OTHER_TENANT_BOB = {"x-tenant-id": "globex", "x-user-id": "bob"}  # same user id, other tenant

GOAL = "Find our refund window and mark the refund policy document as reviewed."
SEARCH_CALL = ToolCall("search_documents", {"query": "refund window days"}, id="call_search")
UPDATE_CALL = ToolCall(
    "update_document_metadata",
    {"document_id": "doc-refunds", "metadata": {"status": "reviewed"}},
    id="call_update",
)
REPORT = "Refunds are accepted within 30 days [doc-refunds#0]. The policy is now marked reviewed."


class FakeClock:
    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self) -> str:
        at = datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(seconds=next(self._ticks))
        return at.isoformat().replace("+00:00", "Z")


def seeded_search() -> InMemorySearch:
    search = InMemorySearch()
    search.add("acme", "doc-refunds", "doc-refunds#0", "Refund window: refunds within 30 days.")
    search.add("acme", "doc-shipping", "doc-shipping#0", "Shipping takes 3 to 5 working days.")
    search.add("globex", "doc-globex", "doc-globex#0", "Globex refund window: 90 days, secret.")
    return search


def seeded_documents() -> InMemoryDocuments:
    return InMemoryDocuments(
        metadata={
            ("acme", "doc-refunds"): {"status": "draft"},
            ("acme", "doc-shipping"): {"status": "draft"},
            ("globex", "doc-globex"): {"status": "draft"},
        }
    )


@dataclass
class Process:
    """Everything one running agent process holds in memory."""

    store: JobStore
    notifications: Notifications
    bus: EventBus
    llm: FakeLLM
    search: InMemorySearch
    worker: Worker
    service: AgentService
    api: TestClient
    inbox: TestClient

    def stop(self) -> None:
        self.api.close()
        self.inbox.close()
        self.store.close()
        self.notifications.close()


@pytest.fixture
def documents() -> InMemoryDocuments:
    """The documents service: outlives agent restarts, as another service would."""
    return seeded_documents()


@pytest.fixture
def start(tmp_path, documents):
    """start(llm) -> a new Process over the same database files (a restart is stop + start)."""
    started: list[Process] = []
    clock = FakeClock()

    def _start(llm: FakeLLM | None = None) -> Process:
        llm = llm or FakeLLM()
        store = JobStore(tmp_path / "agent.db")
        notifications = Notifications(tmp_path / "notifications.db")
        bus = EventBus()
        bus.subscribe(notifications.handle)
        search = seeded_search()
        runner = Runner(
            store=store,
            llm=llm.client(),
            model="fake-model",
            toolbox=Toolbox(search=search, documents=documents),
            bus=bus,
            now=clock,
        )
        service = AgentService(store=store, bus=bus, now=clock)
        process = Process(
            store=store,
            notifications=notifications,
            bus=bus,
            llm=llm,
            search=search,
            worker=Worker(store=store, runner=runner),
            service=service,
            api=TestClient(create_app(service)),
            inbox=TestClient(create_notifications_app(notifications)),
        )
        started.append(process)
        return process

    yield _start
    for process in started:
        process.stop()


@pytest.fixture
def scripted_llm() -> FakeLLM:
    """search, then ask to update the document, then the report."""
    return FakeLLM().reply(SEARCH_CALL, UPDATE_CALL, REPORT)


def create_job(process: Process, approver: str = "bob") -> str:
    answer = process.api.post(
        "/api/agent/jobs", json={"goal": GOAL, "approver_id": approver}, headers=ACME
    )
    assert answer.status_code == 202, answer.text
    return answer.json()["job_id"]


def job_state(process: Process, job_id: str) -> str:
    return process.api.get(f"/api/agent/jobs/{job_id}", headers=ACME).json()["state"]
