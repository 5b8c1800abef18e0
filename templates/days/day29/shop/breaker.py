"""A circuit breaker around the database.

When the database is down, every request that tries it waits for a connect timeout, holds a
worker and a pool slot meanwhile, and adds load to a server that is trying to recover. The
breaker notices and fails fast instead:

- **closed**: calls go through. A call that fails because the database is unreachable counts;
  ``fail_max`` such failures in a row open the breaker. A call that succeeds resets the count.
- **open**: calls fail at once with ``CircuitOpen`` and never reach the database, until
  ``reset_timeout`` seconds (on the breaker's clock) have passed since it opened.
- **half-open**: after the cool-down, one trial call goes through. If it succeeds the breaker
  closes; if it fails the breaker opens again for another cool-down. While the trial runs, other
  calls fail fast.

Each call is tried exactly once: retrying belongs outside the breaker (and with a budget), or a
failing database receives several times the traffic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import exc

from shop.clock import Clock, MonotonicClock

T = TypeVar("T")

# Exceptions that mean "the database did not answer". An IntegrityError (a duplicate e-mail, say)
# is an answer: the database is fine, so it does not count.
DATABASE_DOWN: tuple[type[BaseException], ...] = (exc.OperationalError, exc.InterfaceError)


class CircuitOpen(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"database circuit open; retry in {retry_after:.1f}s")
        self.retry_after = retry_after


class CircuitBreaker:
    def __init__(
        self,
        fail_max: int = 5,
        reset_timeout: float = 30.0,
        clock: Clock | None = None,
    ) -> None:
        self.fail_max = fail_max
        self.reset_timeout = reset_timeout
        self.clock = clock if clock is not None else MonotonicClock()
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> str:
        """ "closed", "open" or "half-open" (the cool-down is over: the next call is a trial)."""
        # BEGIN SOLUTION
        with self._lock:
            if self._opened_at is None:
                return "closed"
            if self.clock.now() - self._opened_at < self.reset_timeout:
                return "open"
            return "half-open"
        # STARTER: raise NotImplementedError("TODO(day29): closed, open or half-open")
        # END SOLUTION

    # BEGIN SOLUTION
    def _succeeded(self) -> None:
        with self._lock:
            self._trial_running = False
            self._failures = 0
            self._opened_at = None

    # END SOLUTION
    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` once if the breaker allows it; raise ``CircuitOpen`` if not."""
        # BEGIN SOLUTION
        with self._lock:
            trial = False
            if self._opened_at is not None:
                elapsed = self.clock.now() - self._opened_at
                if elapsed < self.reset_timeout:
                    raise CircuitOpen(self.reset_timeout - elapsed)
                if self._trial_running:
                    raise CircuitOpen(0.0)
                self._trial_running = trial = True
        try:
            result = fn()
        except DATABASE_DOWN:
            with self._lock:
                self._trial_running = False
                self._failures += 1
                if trial or self._failures >= self.fail_max:
                    self._opened_at = self.clock.now()
            raise
        except BaseException:
            # Any other error is an answer from a working database.
            self._succeeded()
            raise
        self._succeeded()
        return result
        # STARTER: raise NotImplementedError("TODO(day29): closed, open and half-open")
        # END SOLUTION
