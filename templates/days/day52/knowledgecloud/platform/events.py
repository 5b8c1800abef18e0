"""The envelope every KnowledgeCloud event shares.

``event_id`` is unique per event (consumers deduplicate on it), ``occurred_at`` is an RFC 3339
time with its offset, ``correlation_id`` ties the event to the request or job that caused it.
The event-specific fields sit next to the envelope's, as the contracts describe.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from knowledgecloud.platform.contracts import validate


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_event(
    event_type: str,
    *,
    tenant_id: str,
    correlation_id: str,
    occurred_at: datetime,
    **fields: object,
) -> dict:
    """Build an event and validate it against its contract (version 1)."""
    if occurred_at.tzinfo is None:
        raise ValueError("occurred_at must be timezone-aware")
    event = {
        "event_id": str(uuid.uuid4()),
        "type": event_type,
        "version": 1,
        "occurred_at": occurred_at.isoformat(),
        "tenant_id": tenant_id,
        "correlation_id": correlation_id,
        **fields,
    }
    return validate(event)
