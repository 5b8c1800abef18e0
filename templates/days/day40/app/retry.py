"""Retries with capped exponential backoff and full jitter.

Only transient failures are retried (the connection failed, the answer did not come, the server
said 502/503/504), and only when repeating the call is safe: the caller says so with
`retryable` (a GET, or a POST carrying an Idempotency-Key).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import httpx

T = TypeVar("T")
RETRYABLE_STATUS = frozenset({502, 503, 504})


class RetryableStatus(Exception):
    """The server answered with a status worth trying again (502, 503, 504)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"payments answered {status}")
        self.status = status


def is_transient(exc: BaseException) -> bool:
    """A failure that may go away if the same call is made again."""
    # BEGIN SOLUTION
    return isinstance(exc, httpx.TransportError | RetryableStatus)
    # STARTER: raise NotImplementedError("TODO(day40): which failures are worth a retry?")
    # END SOLUTION


@dataclass
class RetryPolicy:
    attempts: int = 4  # calls in all, the first one included
    base: float = 0.1  # seconds: the backoff cap before the first retry
    cap: float = 2.0  # no backoff is longer than this
    rng: random.Random = field(default_factory=random.Random)
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (0 for the first retry)."""
        # BEGIN SOLUTION
        return self.rng.uniform(0, min(self.cap, self.base * 2**retry))
        # STARTER: raise NotImplementedError("TODO(day40): exponential backoff with full jitter")
        # END SOLUTION

    async def run(self, call: Callable[[], Awaitable[T]], *, retryable: bool) -> T:
        """Await `call()`; if it fails transiently and `retryable`, wait and call it again."""
        # BEGIN SOLUTION
        tries = self.attempts if retryable else 1
        for retry in range(tries):
            try:
                return await call()
            except Exception as exc:
                if not is_transient(exc) or retry == tries - 1:
                    raise
            await self.sleep(self.backoff(retry))
        raise AssertionError("unreachable: the last attempt returns or raises")
        # STARTER: raise NotImplementedError("TODO(day40): retry transient failures, when safe")
        # END SOLUTION
