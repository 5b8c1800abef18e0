"""KnowledgeCloud in one process: the system, an in-process client, and a real server on an
ephemeral loopback port for the load tools."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
import uvicorn

from evaluation.rag_eval import load_cases
from evaluation.runner import agent_model, clock
from fakellm import FakeLLM
from knowledgecloud.agent.search_adapter import HybridSearchPort
from knowledgecloud.agent.tools import InMemoryDocuments, InMemorySearch
from knowledgecloud.capstone import Gateway, Platform, System, build_platform, build_system


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(
        reason="needs a deployed stack or a real model; run with BEC_LIVE=1"
    )
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


ACME_ALICE = {"x-tenant-id": "acme", "x-user-id": "alice"}
ACME_BOB = {"x-tenant-id": "acme", "x-user-id": "bob"}
GLOBEX_BOB = {"x-tenant-id": "globex", "x-user-id": "bob"}


def seeded_documents() -> InMemoryDocuments:
    corpus = load_cases()["corpus"]
    return InMemoryDocuments(
        metadata={(p["tenant"], p["document"]): {"status": "draft"} for p in corpus}
    )


def keyword_search() -> InMemorySearch:
    """The search port's in-memory fake over the labelled corpus, one passage per document."""
    search = InMemorySearch()
    for p in load_cases()["corpus"]:
        search.add(p["tenant"], p["document"], f"{p['document']}#0", p["text"])
    return search


@pytest.fixture
def llm() -> FakeLLM:
    """The agent's model: search with the question, then quote and cite (see evaluation/runner)."""
    return FakeLLM(default=agent_model)


@pytest.fixture
def documents() -> InMemoryDocuments:
    return seeded_documents()


@pytest.fixture
def system(tmp_path, llm, documents) -> Iterator[System]:
    built = build_system(
        tmp_path,
        llm=llm.client(),
        model="fake-model",
        search=keyword_search(),
        documents=documents,
        now=clock(),
    )
    yield built
    built.close()


@pytest.fixture
def asgi(system) -> httpx.AsyncClient:
    """An async client that calls the app in process (no socket)."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=system.app), base_url="http://kc")


@pytest.fixture
def platform(tmp_path, objects) -> Platform:
    """Days 52 and 53: documents, indexing and hybrid search over moto's S3 and SQLite."""
    return build_platform(tmp_path, objects, clock=lambda: datetime(2026, 1, 5, 9, tzinfo=UTC))


@pytest.fixture
def capstone(tmp_path, platform, llm, documents) -> Iterator[System]:
    """The agent and notifications, searching through day 53's hybrid search."""
    (tmp_path / "agent").mkdir()
    built = build_system(
        tmp_path / "agent",
        llm=llm.client(),
        model="fake-model",
        search=HybridSearchPort(platform.search),
        documents=documents,
        now=clock(),
    )
    platform.bus.subscribe("notifications", ["document.indexed"], built.notifications.handle)
    yield built
    built.close()


@pytest.fixture
def gateway(platform, capstone) -> httpx.AsyncClient:
    """Every service behind one in-process gateway, routed by path prefix."""
    app = Gateway(
        {"/api/documents": platform.documents_app, "/api/search": platform.search_app},
        default=capstone.app,
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kc")


@pytest.fixture
def served(system) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 on a port the OS picks; yields its base URL.

    The socket is bound and listening before the server thread starts, so a client may connect
    at once: the kernel queues the connection until uvicorn accepts it. No waiting, no sleeps."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    server = uvicorn.Server(uvicorn.Config(system.app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
