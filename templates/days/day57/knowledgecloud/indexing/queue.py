"""A stand-in for the indexing service's inbox: `document.uploaded` events waiting to be indexed.

Two numbers describe a queue, and they answer different questions:

* the **backlog** is how many events wait: it says how much work is left;
* the **lag** is how long the oldest waiting event has waited: it says how late the service is.
  A user who uploads a document and cannot find it in search feels the lag, not the backlog.

A backlog of 10,000 may be fine (a bulk import that the workers clear in a minute) and a backlog
of 3 may be an incident (the workers stopped an hour ago). Alert on lag; chart both.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts" / "events"


@cache
def uploaded_contract() -> Draft202012Validator:
    """The `document.uploaded` v1 schema the documents service publishes against."""
    schema = json.loads((CONTRACTS / "document.uploaded.v1.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


class ContractViolation(ValueError):
    """An event that does not match its contract: dead-letter it, never index it."""


@dataclass(frozen=True)
class Pending:
    event_id: str
    tenant_id: str
    document_id: str
    enqueued_at: float  # seconds since the epoch, from the queue's clock


class IndexingQueue:
    """Events in arrival order; the indexing workers take the oldest first."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._pending: deque[Pending] = deque()

    def deliver(self, event: dict) -> None:
        """Accept a `document.uploaded` event from the bus, stamped with the time it arrived."""
        errors = sorted(uploaded_contract().iter_errors(event), key=lambda e: list(e.path))
        if errors:
            raise ContractViolation(f"document.uploaded v1: {errors[0].message}")
        self._pending.append(
            Pending(event["event_id"], event["tenant_id"], event["document_id"], self.clock())
        )

    def take(self) -> Pending | None:
        """The oldest waiting event, removed from the queue (None when there is none)."""
        return self._pending.popleft() if self._pending else None

    def backlog(self) -> int:
        """How many events wait."""
        return len(self._pending)

    def lag_seconds(self) -> float:
        """How long the oldest waiting event has waited, by the queue's clock; 0 when empty."""
        # BEGIN SOLUTION
        if not self._pending:
            return 0.0
        return max(self.clock() - self._pending[0].enqueued_at, 0.0)
        # STARTER: raise NotImplementedError("TODO(day57): the age of the oldest waiting event")
        # END SOLUTION
