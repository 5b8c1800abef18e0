"""The same service against MinIO and Postgres from compose.yaml (skipped unless BEC_LIVE=1).

cp .env.example .env && docker compose up -d --build
set -a && . ./.env && set +a && BEC_LIVE=1 uv run pytest -m live
"""

import hashlib
import os
import uuid

import boto3
import httpx
import pytest
from fastapi.testclient import TestClient

from knowledgecloud.documents.app import create_app
from knowledgecloud.documents.objects import BUCKET, ObjectStore
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine, outbox
from knowledgecloud.platform.bus import InMemoryBus
from knowledgecloud.platform.outbox import OutboxRelay


def minio() -> ObjectStore:
    client = boto3.client(
        "s3",
        endpoint_url=os.environ["S3_ENDPOINT_URL"],
        aws_access_key_id=os.environ["MINIO_ROOT_USER"],
        aws_secret_access_key=os.environ["MINIO_ROOT_PASSWORD"],
        region_name="us-east-1",
    )
    store = ObjectStore(client, BUCKET)
    store.ensure_bucket()
    return store


@pytest.mark.live
def test_upload_goes_to_minio_and_postgres_and_out_through_the_outbox():
    engine = make_engine(os.environ["DATABASE_URL"])
    objects = minio()
    tenant = f"live-{uuid.uuid4().hex[:8]}"
    data = f"live document {uuid.uuid4()}\n".encode()
    app = create_app(DocumentStore(engine), objects)
    headers = {"X-Tenant-Id": tenant, "X-User-Id": "u-live"}
    with TestClient(app) as client:
        response = client.post("/api/documents", files={"file": ("a.txt", data)}, headers=headers)
    assert response.status_code == 201, response.text
    key = f"documents/{tenant}/{hashlib.sha256(data).hexdigest()}"
    assert objects.get(key) == data
    bus = InMemoryBus()
    OutboxRelay(engine, outbox, bus).run_once()
    assert response.json()["id"] in {e["document_id"] for e in bus.published("document.uploaded")}


@pytest.mark.live
def test_the_container_accepts_an_upload():
    base = os.environ.get("DOCUMENTS_URL", "http://127.0.0.1:8052")
    tenant = f"live-{uuid.uuid4().hex[:8]}"
    headers = {"X-Tenant-Id": tenant, "X-User-Id": "u-live"}
    with httpx.Client(base_url=base, timeout=10) as client:
        assert client.get("/health").json() == {"status": "ok"}
        response = client.post(
            "/api/documents", files={"file": ("a.md", b"# Live\n")}, headers=headers
        )
        assert response.status_code == 201, response.text
        assert (
            client.get(f"/api/documents/{response.json()['id']}", headers=headers).status_code
            == 200
        )
        png = b"\x89PNG\r\n\x1a\n" + bytes(16)
        refused = client.post("/api/documents", files={"file": ("x.pdf", png)}, headers=headers)
        assert refused.status_code == 415
