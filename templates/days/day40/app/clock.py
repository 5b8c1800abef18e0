"""Simulated time for tests and chaos experiments.

The resilience code never reads the time or sleeps by itself: it is handed a `clock()` and an
async `sleep(seconds)`. In production those are `time.monotonic` and `asyncio.sleep`; in tests
they are this fake, which moves only when something sleeps or waits, and records every sleep.
"""

from __future__ import annotations


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, f"time does not go backwards ({seconds})"
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)
