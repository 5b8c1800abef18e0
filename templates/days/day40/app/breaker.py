"""A circuit breaker: stop calling a dependency that keeps failing, try again later.

    closed --(failure_threshold failures in a row)--> open
    open --(reset_timeout seconds on the clock)--> half-open: one trial call goes through
    half-open --trial succeeds--> closed      half-open --trial fails--> open (a new cool-down)

While open (and while the half-open trial runs) calls fail at once with `CircuitOpen`,
without touching the dependency.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"


class CircuitOpen(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"circuit open; try again in {retry_after:.1f}s")
        self.retry_after = retry_after


class CircuitBreaker:
    def __init__(
        self,
        failure_threshold: int = 5,
        reset_timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self.clock = clock
        self.state = CLOSED
        self.failures = 0  # consecutive failures while closed
        self.opened_at = 0.0
        self.trial_running = False

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        # BEGIN SOLUTION
        if self.state == OPEN:
            waited = self.clock() - self.opened_at
            if waited < self.reset_timeout:
                raise CircuitOpen(self.reset_timeout - waited)
            self.state = HALF_OPEN
        trial = self.state == HALF_OPEN
        if trial:
            if self.trial_running:
                raise CircuitOpen(0.0)
            self.trial_running = True
        try:
            result = await fn()
        except Exception:
            self.failures += 1
            # A failed trial opens at once; otherwise after failure_threshold in a row.
            if self.state == HALF_OPEN or self.failures >= self.failure_threshold:
                self.state = OPEN
                self.opened_at = self.clock()
                self.failures = 0
            raise
        finally:
            if trial:
                self.trial_running = False
        self.state = CLOSED
        self.failures = 0
        return result
        # STARTER: raise NotImplementedError("TODO(day40): closed, open, half-open")
        # END SOLUTION
