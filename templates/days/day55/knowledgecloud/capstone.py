"""KnowledgeCloud's services wired together in one process: the system the end-to-end test, the
evaluation and the load tests run against.

In the compose stack each service is its own container behind the gateway; here the agent and
notifications routes share one app (`build_system`), documents, indexing and search run over
their own SQLite files and moto's S3 (`build_platform`), in-process ports replace HTTP clients,
and `Gateway` routes requests by path prefix as the real gateway does. Same code, fewer moving
parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from openai import OpenAI

from knowledgecloud.agent.app import create_app as create_agent_app
from knowledgecloud.agent.events import EventBus
from knowledgecloud.agent.listing import listing_router
from knowledgecloud.agent.runner import Runner, Worker
from knowledgecloud.agent.service import AgentService
from knowledgecloud.agent.store import JobStore
from knowledgecloud.agent.tools import DocumentsPort, SearchPort, Toolbox
from knowledgecloud.documents.app import create_app as create_documents_app
from knowledgecloud.documents.objects import ObjectStore
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine as make_documents_engine
from knowledgecloud.documents.tables import outbox as documents_outbox
from knowledgecloud.indexing.consumer import CONSUMES, IndexingService
from knowledgecloud.indexing.index import IndexReader
from knowledgecloud.indexing.tables import make_engine as make_indexing_engine
from knowledgecloud.indexing.tables import outbox as indexing_outbox
from knowledgecloud.notifications.app import create_app as create_notifications_app
from knowledgecloud.notifications.service import Notifications
from knowledgecloud.platform.bus import InMemoryBus
from knowledgecloud.platform.outbox import OutboxRelay
from knowledgecloud.search.app import create_app as create_search_app
from knowledgecloud.search.hybrid import HybridSearch


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


@dataclass
class Platform:
    """Days 52 and 53: documents (upload to S3, metadata, outbox), indexing, hybrid search."""

    documents_app: FastAPI
    search_app: FastAPI
    bus: InMemoryBus
    documents_relay: OutboxRelay
    indexing_relay: OutboxRelay
    search: HybridSearch

    def deliver(self) -> None:
        """Relay the documents outbox, let indexing consume, relay the indexing outbox: what the
        relays and consumers do continuously in the stack, done once, when the test says."""
        self.documents_relay.run_once()
        self.bus.drain("indexing")
        self.indexing_relay.run_once()
        self.bus.drain()  # the other consumers: notifications hear of document.indexed


def build_platform(data_dir: Path, objects: ObjectStore, clock: Callable[[], datetime]) -> Platform:
    documents_engine = make_documents_engine(f"sqlite:///{data_dir / 'documents.db'}")
    indexing_engine = make_indexing_engine(f"sqlite:///{data_dir / 'indexing.db'}")
    bus = InMemoryBus()
    indexing = IndexingService(indexing_engine, objects, clock=clock)
    bus.subscribe("indexing", CONSUMES, indexing.handle)
    search = HybridSearch(IndexReader(indexing_engine))
    return Platform(
        documents_app=create_documents_app(DocumentStore(documents_engine, clock=clock), objects),
        search_app=create_search_app(search),
        bus=bus,
        documents_relay=OutboxRelay(documents_engine, documents_outbox, bus, clock=clock),
        indexing_relay=OutboxRelay(indexing_engine, indexing_outbox, bus, clock=clock),
        search=search,
    )


class Gateway:
    """An ASGI app that hands each request to the service owning its path prefix."""

    def __init__(self, routes: dict[str, Any], default: Any) -> None:
        self.routes = routes
        self.default = default

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        for prefix, app in self.routes.items():
            if path == prefix or path.startswith(prefix + "/"):
                return await app(scope, receive, send)
        return await self.default(scope, receive, send)
