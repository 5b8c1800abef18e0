"""The event envelope and the published event schemas: the contract between services.

Every event travels in the same envelope:

    {"id": "5f0c...", "type": "order_created", "version": 1,
     "occurred_at": "2025-03-01T12:00:00Z", "data": {...}}

- `id` is unique per event and lets consumers recognise a duplicate delivery;
- `type` + `version` say how to read `data`; a breaking change to `data` means a new version;
- `occurred_at` is when the fact happened (UTC), not when it was delivered.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

ORDER_CREATED = "order_created"


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1)
    type: str = Field(min_length=1)
    version: int = Field(ge=1)
    occurred_at: AwareDatetime
    data: dict[str, Any]

    def to_json(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_json(cls, raw: bytes | str) -> Event:
        return cls.model_validate_json(raw)


class OrderCreatedV1(BaseModel):
    """`data` of an order_created event, version 1."""

    order_id: int
    user_id: int
    total_cents: int = Field(ge=0)
    item_count: int = Field(ge=1)


def new_event_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)
