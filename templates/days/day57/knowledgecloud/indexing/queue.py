"""A stand-in for the indexing service's inbox: `document.uploaded` events waiting to be indexed.

Two numbers describe a queue, and they answer different questions:

* the **backlog** is how many events wait: it says how much work is left;
* the **lag** is how long the oldest waiting event has waited: it says how late the service is.
  A user who uploads a document and cannot find it in search feels the lag, not the backlog.

A backlog of 10,000 may be fine (a bulk import that the workers clear in a minute) and a backlog
of 3 may be an incident (the workers stopped an hour ago). Alert on lag; chart both.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


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

    def publish(self, event_id: str, tenant_id: str, document_id: str) -> None:
        self._pending.append(Pending(event_id, tenant_id, document_id, self.clock()))

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
