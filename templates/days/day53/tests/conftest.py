"""The platform in one process: documents (day 52) -> outbox relay -> bus -> indexing -> search.

The answer route's model is the course's fake LLM (``fakellm/``), called through the real
``openai`` SDK; every request it receives is recorded.

S3 is moto's in-process mock, each service has its own SQLite database, the bus is the
in-process one, the embedder is the real WordLlama model (loaded once), the clock is fixed.
Test documents are generated here: PDFs with fpdf2, Word files with python-docx.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime

import docx
import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from fakellm import FakeLLM, extractive
from knowledgecloud.documents.app import create_app as create_documents_app
from knowledgecloud.documents.objects import ObjectStore
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine as make_documents_engine
from knowledgecloud.documents.tables import outbox as documents_outbox
from knowledgecloud.indexing.consumer import CONSUMES, IndexingService
from knowledgecloud.indexing.index import IndexReader
from knowledgecloud.indexing.tables import make_engine as make_indexing_engine
from knowledgecloud.indexing.tables import outbox as indexing_outbox
from knowledgecloud.platform.bus import InMemoryBus
from knowledgecloud.platform.outbox import OutboxRelay
from knowledgecloud.search.answer import Answerer
from knowledgecloud.search.app import create_app as create_search_app
from knowledgecloud.search.hybrid import HybridSearch

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the compose stack; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def make_pdf(*pages: str) -> bytes:
    """A real PDF with one page per argument (fpdf2's core fonts: Latin-1 text only)."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def make_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass
class Platform:
    documents: TestClient
    search_api: TestClient
    bus: InMemoryBus
    documents_relay: OutboxRelay
    indexing: IndexingService
    indexing_relay: OutboxRelay
    reader: IndexReader
    objects: ObjectStore
    llm: FakeLLM

    def upload(self, filename: str, data: bytes, tenant: str = "acme") -> dict:
        response = self.documents.post(
            "/api/documents",
            files={"file": (filename, data)},
            headers={"X-Tenant-Id": tenant, "X-User-Id": "u-1", "X-Request-Id": f"req-{filename}"},
        )
        assert response.status_code in (200, 201), response.text
        return response.json()

    def delete(self, document_id: str, tenant: str = "acme") -> None:
        response = self.documents.delete(
            f"/api/documents/{document_id}", headers={"X-Tenant-Id": tenant, "X-User-Id": "u-1"}
        )
        assert response.status_code == 204, response.text

    def deliver(self) -> None:
        """Relay the documents outbox, let indexing consume, relay the indexing outbox."""
        self.documents_relay.run_once()
        self.bus.drain("indexing")
        self.indexing_relay.run_once()

    def search(self, query: str, tenant: str = "acme", k: int = 5) -> list[dict]:
        response = self.search_api.get(
            "/api/search", params={"q": query, "k": k}, headers={"X-Tenant-Id": tenant}
        )
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def answer(self, question: str, tenant: str = "acme") -> dict:
        response = self.search_api.get(
            "/api/search/answer", params={"q": question}, headers={"X-Tenant-Id": tenant}
        )
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def llm():
    """The fake LLM answers like a grounded model: it quotes the best source line and cites it."""
    return FakeLLM(default=extractive())


@pytest.fixture
def platform(tmp_path, objects, llm):
    documents_engine = make_documents_engine(f"sqlite:///{tmp_path / 'documents.db'}")
    indexing_engine = make_indexing_engine(f"sqlite:///{tmp_path / 'indexing.db'}")
    bus = InMemoryBus()
    indexing = IndexingService(indexing_engine, objects, clock=lambda: NOW, max_words=40)
    bus.subscribe("indexing", CONSUMES, indexing.handle)
    reader = IndexReader(indexing_engine)
    search = HybridSearch(reader)
    documents_app = create_documents_app(
        DocumentStore(documents_engine, clock=lambda: NOW), objects
    )
    with (
        TestClient(documents_app) as documents,
        TestClient(
            create_search_app(search, Answerer(search, llm.client(), "fake-model"))
        ) as search_api,
    ):
        yield Platform(
            documents=documents,
            search_api=search_api,
            bus=bus,
            documents_relay=OutboxRelay(documents_engine, documents_outbox, bus, clock=lambda: NOW),
            indexing=indexing,
            indexing_relay=OutboxRelay(indexing_engine, indexing_outbox, bus, clock=lambda: NOW),
            reader=reader,
            objects=objects,
            llm=llm,
        )
