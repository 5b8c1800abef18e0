"""Test doubles that watch or break the database, so tests prove behaviour without timing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool
from sqlalchemy.util import queue as sqla_queue


class QueryLog:
    """Which engine ran each SQL statement, in order."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []

    def watch(self, engine: Engine, name: str) -> None:
        def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
            self.entries.append((name, " ".join(statement.split()).upper()))

        event.listen(engine, "before_cursor_execute", record)

    def engines(self, verb: str, table: str) -> list[str]:
        """Engines that ran a ``verb`` (SELECT, INSERT...) statement on ``table``, in order."""
        return [
            name
            for name, sql in self.entries
            if sql.startswith(verb) and f" {table.upper()}" in sql
        ]

    def clear(self) -> None:
        self.entries.clear()


class FaultInjector:
    """Makes every statement on the attached engines fail like an unreachable database.

    ``attempts`` counts the statements that reached the database while it was down.
    """

    def __init__(self) -> None:
        self.down = False
        self.attempts = 0

    def attach(self, engine: Engine) -> None:
        unreachable = engine.dialect.loaded_dbapi.OperationalError

        def fail(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
            if self.down:
                self.attempts += 1
                raise unreachable("injected fault: could not reach the database server")

        event.listen(engine, "before_cursor_execute", fail)


@dataclass
class Exhaustion:
    held: list[Connection] = field(default_factory=list)
    waits: list[float | None] = field(default_factory=list)
    """The timeout of every wait for a connection that found the pool empty."""


@contextmanager
def exhausted_pool(engine: Engine) -> Iterator[Exhaustion]:
    """Check out every connection the pool allows, and make any wait for one time out at once.

    A wait that would block records the timeout the pool asked for (None: forever) and then
    behaves as if that timeout had passed. So the test learns how long a request would hang
    without ever sleeping.
    """
    pool = engine.pool
    assert isinstance(pool, QueuePool), f"expected a QueuePool, got {type(pool).__name__}"
    state = Exhaustion()
    for _ in range(pool.size() + max(pool._max_overflow, 0)):
        state.held.append(engine.connect())
    queue = pool._pool
    real_get = queue.get

    def get(block: bool = True, timeout: float | None = None):
        try:
            return real_get(False)
        except sqla_queue.Empty:
            if block:
                state.waits.append(timeout)
            raise

    queue.get = get
    try:
        yield state
    finally:
        del queue.get
        for connection in state.held:
            connection.close()
