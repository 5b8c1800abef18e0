"""Upload -> index -> search against MinIO, Postgres and the search container (BEC_LIVE=1).

    cp .env.example .env && docker compose up -d --build
    set -a && . ./.env && set +a && BEC_LIVE=1 uv run pytest -m live

The bus is in this process: the documents outbox is relayed here, indexing consumes here and
writes to the indexing database in Postgres, and the search container reads it from there.
"""

import os
import uuid

import boto3
import httpx
import pytest
from fastapi.testclient import TestClient

from knowledgecloud.documents.app import create_app
from knowledgecloud.documents.objects import BUCKET, ObjectStore
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine as make_documents_engine
from knowledgecloud.documents.tables import outbox as documents_outbox
from knowledgecloud.indexing.consumer import CONSUMES, IndexingService
from knowledgecloud.indexing.tables import make_engine as make_indexing_engine
from knowledgecloud.platform.bus import InMemoryBus
from knowledgecloud.platform.outbox import OutboxRelay
from tests.conftest import make_pdf
from tests.documents import ERROR_CODES, REFUNDS


@pytest.mark.live
def test_an_uploaded_pdf_is_found_by_the_search_container():
    objects = ObjectStore(
        boto3.client(
            "s3",
            endpoint_url=os.environ["S3_ENDPOINT_URL"],
            aws_access_key_id=os.environ["MINIO_ROOT_USER"],
            aws_secret_access_key=os.environ["MINIO_ROOT_PASSWORD"],
            region_name="us-east-1",
        ),
        BUCKET,
    )
    objects.ensure_bucket()
    documents_engine = make_documents_engine(os.environ["DATABASE_URL"])
    indexing_engine = make_indexing_engine(os.environ["INDEXING_DATABASE_URL"])
    bus = InMemoryBus()
    bus.subscribe("indexing", CONSUMES, IndexingService(indexing_engine, objects).handle)
    tenant = f"live-{uuid.uuid4().hex[:8]}"
    marker = f"ERR-{uuid.uuid4().int % 100000:05d}"
    data = make_pdf(REFUNDS, ERROR_CODES.replace("ERR-4711", marker))
    with TestClient(create_app(DocumentStore(documents_engine), objects)) as documents:
        response = documents.post(
            "/api/documents",
            files={"file": ("handbook.pdf", data)},
            headers={"X-Tenant-Id": tenant, "X-User-Id": "u-live"},
        )
    assert response.status_code == 201, response.text
    OutboxRelay(documents_engine, documents_outbox, bus).run_once()
    bus.drain("indexing")
    base = os.environ.get("SEARCH_URL", "http://127.0.0.1:8053")
    with httpx.Client(base_url=base, timeout=10) as client:
        found = client.get("/api/search", params={"q": marker}, headers={"X-Tenant-Id": tenant})
        other = client.get("/api/search", params={"q": marker}, headers={"X-Tenant-Id": "nobody"})
    assert found.status_code == 200, found.text
    top = found.json()["results"][0]
    assert top["document_id"] == response.json()["id"] and top["page"] == 2
    assert other.json()["results"] == []


@pytest.mark.live
def test_a_real_model_answers_with_a_retrieved_citation():
    """Needs LLM_MODEL (and LLM_BASE_URL / LLM_API_KEY) for a real provider or a local Ollama."""
    from knowledgecloud.indexing.index import IndexReader
    from knowledgecloud.search.answer import answerer_from_environment
    from knowledgecloud.search.hybrid import HybridSearch

    engine = make_indexing_engine(os.environ.get("INDEXING_DATABASE_URL", "sqlite://"))
    objects = ObjectStore(
        boto3.client(
            "s3",
            endpoint_url=os.environ["S3_ENDPOINT_URL"],
            aws_access_key_id=os.environ["MINIO_ROOT_USER"],
            aws_secret_access_key=os.environ["MINIO_ROOT_PASSWORD"],
            region_name="us-east-1",
        ),
        BUCKET,
    )
    objects.ensure_bucket()
    documents_engine = make_documents_engine(os.environ["DATABASE_URL"])
    bus = InMemoryBus()
    bus.subscribe("indexing", CONSUMES, IndexingService(engine, objects).handle)
    tenant = f"live-{uuid.uuid4().hex[:8]}"
    with TestClient(create_app(DocumentStore(documents_engine), objects)) as documents:
        response = documents.post(
            "/api/documents",
            files={"file": ("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))},
            headers={"X-Tenant-Id": tenant, "X-User-Id": "u-live"},
        )
    assert response.status_code == 201, response.text
    OutboxRelay(documents_engine, documents_outbox, bus).run_once()
    bus.drain("indexing")
    answerer = answerer_from_environment(HybridSearch(IndexReader(engine)))
    assert answerer is not None, "set LLM_MODEL (and LLM_BASE_URL, LLM_API_KEY) for this test"
    answer = answerer.answer(tenant, "What does the error code ERR-4711 mean?")
    assert answer.citations, f"the model cited no retrieved chunk: {answer.text!r}"
    assert {c["document_id"] for c in answer.citations} == {response.json()["id"]}
