"""Fixtures: moto's in-process S3, a SQLite database, the in-process bus and a fixed clock."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from knowledgecloud.documents.app import create_app
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine, outbox
from knowledgecloud.platform.bus import InMemoryBus
from knowledgecloud.platform.outbox import OutboxRelay

LIMIT = 64 * 1024
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(
        reason="needs MinIO and Postgres from compose.yaml; run with BEC_LIVE=1"
    )
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def engine(tmp_path):
    return make_engine(f"sqlite:///{tmp_path / 'documents.db'}")


@pytest.fixture
def store(engine):
    return DocumentStore(engine, clock=lambda: NOW)


@pytest.fixture
def bus():
    return InMemoryBus()


@pytest.fixture
def relay(engine, bus):
    return OutboxRelay(engine, outbox, bus, clock=lambda: NOW)


@pytest.fixture
def app(store, objects):
    return create_app(store, objects, max_upload_bytes=LIMIT)


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def tenant(tenant_id: str = "acme", user_id: str = "u-1") -> dict:
    return {"X-Tenant-Id": tenant_id, "X-User-Id": user_id, "X-Request-Id": f"req-{tenant_id}"}


def upload(client, filename, data, *, tenant_id="acme", part_type="application/octet-stream"):
    return client.post(
        "/api/documents",
        files={"file": (filename, data, part_type)},
        headers=tenant(tenant_id),
    )


def upload_ok(client, filename, data, **options) -> dict:
    """Upload and return the document, failing the test with the service's answer otherwise."""
    response = upload(client, filename, data, **options)
    assert response.status_code in (200, 201), (
        f"upload answered {response.status_code}: {response.text}"
    )
    return response.json()


def pdf_bytes(text: str = "quarterly report") -> bytes:
    """A small PDF by its structure (day 53 builds real ones with fpdf2)."""
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(32)
