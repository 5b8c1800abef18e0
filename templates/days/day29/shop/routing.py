"""The read/write router: which engine runs each statement.

- Writes (INSERT, UPDATE, DELETE, and everything the session flushes) go to the primary.
- Reads go to the replica, which may lag behind the primary,
- except **read-your-writes**: once a session has written, its later reads go to the primary; and
  after a client's write commits, that client's reads go to the primary for ``stickiness``
  seconds (measured on the router's clock), long enough for the replica to catch up. Other
  clients keep reading the replica.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Delete, Insert, Update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from shop.clock import Clock, MonotonicClock


class ReadWriteRouter:
    def __init__(
        self,
        primary: Engine,
        replica: Engine,
        clock: Clock | None = None,
        stickiness: float = 5.0,
    ) -> None:
        self.primary = primary
        self.replica = replica
        self.clock = clock if clock is not None else MonotonicClock()
        self.stickiness = stickiness
        self._last_write: dict[str, float] = {}
        self._lock = threading.Lock()

    def session(self, client_id: str | None = None) -> RoutingSession:
        """A session for one request of ``client_id`` (None: an anonymous client)."""
        return RoutingSession(self, client_id)

    def record_write(self, client_id: str | None) -> None:
        """Called when a session of ``client_id`` has committed a write."""
        # BEGIN SOLUTION
        if client_id is None:
            return
        with self._lock:
            self._last_write[client_id] = self.clock.now()
        # STARTER: raise NotImplementedError("TODO(day29): remember when this client last wrote")
        # END SOLUTION

    def read_engine(self, client_id: str | None) -> Engine:
        """The engine for a read by ``client_id`` in a session that has not written yet."""
        # BEGIN SOLUTION
        if client_id is None:
            return self.replica
        with self._lock:
            last = self._last_write.get(client_id)
            if last is None:
                return self.replica
            if self.clock.now() - last < self.stickiness:
                return self.primary
            del self._last_write[client_id]  # the window is over: forget it
        return self.replica
        # STARTER: raise NotImplementedError("TODO(day29): replica, or primary inside the window")
        # END SOLUTION


class RoutingSession(Session):
    """A session that picks an engine per statement instead of being bound to one."""

    def __init__(self, router: ReadWriteRouter, client_id: str | None) -> None:
        super().__init__(expire_on_commit=False)
        self.router = router
        self.client_id = client_id
        self.wrote = False

    def get_bind(self, mapper: Any = None, *, clause: Any = None, **kw: Any) -> Engine:
        # BEGIN SOLUTION
        if self._flushing or isinstance(clause, Insert | Update | Delete):
            self.wrote = True
            return self.router.primary
        if self.wrote:
            return self.router.primary
        return self.router.read_engine(self.client_id)
        # STARTER: raise NotImplementedError("TODO(day29): route writes, reads, and own writes")
        # END SOLUTION

    def commit(self) -> None:
        super().commit()
        if self.wrote:
            self.router.record_write(self.client_id)
