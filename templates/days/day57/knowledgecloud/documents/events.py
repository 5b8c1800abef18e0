"""A stand-in for the documents service's publisher: `document.uploaded` v1 events.

Day 52 builds the real one (upload to S3, metadata and outbox in one transaction); here only the
event's shape matters, so the indexing queue and its metrics receive what production sends.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime


def document_uploaded(tenant_id: str, document_id: str, *, owner_id: str = "user-1") -> dict:
    """A valid `document.uploaded` v1 event for a small PDF of this tenant."""
    sha256 = hashlib.sha256(f"{tenant_id}/{document_id}".encode()).hexdigest()
    return {
        "event_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"kc:{tenant_id}:{document_id}")),
        "type": "document.uploaded",
        "version": 1,
        "occurred_at": datetime.now(UTC).isoformat(),
        "tenant_id": tenant_id,
        "correlation_id": f"req-{document_id}",
        "document_id": document_id,
        "owner_id": owner_id,
        "filename": f"{document_id}.pdf",
        "content_type": "application/pdf",
        "size_bytes": 2048,
        "sha256": sha256,
        "storage_key": f"documents/{tenant_id}/{sha256}",
    }
