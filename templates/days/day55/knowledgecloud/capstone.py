"""KnowledgeCloud's services wired together in one process: the system the end-to-end test, the
evaluation and the load tests run against.

In the compose stack each service is its own container behind the gateway; here their FastAPI
routes share one app, their in-process ports replace HTTP clients, and their SQLite files sit
in one folder. Same code, fewer moving parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from openai import OpenAI

from knowledgecloud.agent.app import create_app as create_agent_app
from knowledgecloud.agent.events import EventBus
from knowledgecloud.agent.listing import listing_router
from knowledgecloud.agent.runner import Runner, Worker
from knowledgecloud.agent.service import AgentService
from knowledgecloud.agent.store import JobStore
from knowledgecloud.agent.tools import DocumentsPort, SearchPort, Toolbox
from knowledgecloud.notifications.app import create_app as create_notifications_app
from knowledgecloud.notifications.service import Notifications


@dataclass
class System:
    store: JobStore
    notifications: Notifications
    bus: EventBus
    worker: Worker
    service: AgentService
    app: FastAPI

    def close(self) -> None:
        self.store.close()
        self.notifications.close()


def build_system(
    data_dir: Path,
    *,
    llm: OpenAI,
    model: str,
    search: SearchPort,
    documents: DocumentsPort,
    now: Callable[[], str],
) -> System:
    store = JobStore(data_dir / "agent.db")
    notifications = Notifications(data_dir / "notifications.db")
    bus = EventBus()
    bus.subscribe(notifications.handle)
    runner = Runner(
        store=store,
        llm=llm,
        model=model,
        toolbox=Toolbox(search=search, documents=documents),
        bus=bus,
        now=now,
    )
    service = AgentService(store=store, bus=bus, now=now)

    app = FastAPI(title="KnowledgeCloud")

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    app.include_router(listing_router(store))
    app.include_router(create_agent_app(service).router)
    app.include_router(create_notifications_app(notifications).router)
    return System(
        store=store,
        notifications=notifications,
        bus=bus,
        worker=Worker(store=store, runner=runner),
        service=service,
        app=app,
    )
