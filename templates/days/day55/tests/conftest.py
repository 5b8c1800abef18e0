"""KnowledgeCloud in one process: the system, an in-process client, and a real server on an
ephemeral loopback port for the load tools."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from evaluation.rag_eval import load_cases
from evaluation.runner import agent_model, clock, search_over
from fakellm import FakeLLM
from knowledgecloud.agent.tools import InMemoryDocuments
from knowledgecloud.capstone import System, build_system


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
        metadata={(p["tenant"], p["document_id"]): {"status": "draft"} for p in corpus}
    )


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
        search=search_over(load_cases()["corpus"]),
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
