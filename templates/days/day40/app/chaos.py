"""Fault injection between the Orders service and Payments, for seeded chaos experiments.

`FaultInjectingTransport` wraps a transport and, per request, asks a fault plan what to do:

- `None`: pass the request through.
- `"refused"`: the connection fails; Payments never sees the request.
- `"503"`: Payments is overloaded and answers 503 without doing anything.
- `"lost"`: Payments does the work, then the response is lost (`ReadError`). The dangerous
  one: the charge exists, the caller does not know.
- `"slow"`: Payments answers after `latency` seconds. If the request's read timeout is shorter,
  the caller gives up at its timeout (`ReadTimeout`), after Payments did the work.

Time passes on the injected clock, never for real. Every request's timeout settings are recorded.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import httpx

from app.clock import FakeClock

FAULTS = ("refused", "503", "lost", "slow")
FaultPlan = Callable[[httpx.Request], str | None]


def random_faults(rng: random.Random, rate: float) -> FaultPlan:
    """Each request is faulty with probability `rate`, the fault chosen uniformly."""

    def plan(request: httpx.Request) -> str | None:
        return rng.choice(FAULTS) if rng.random() < rate else None

    return plan


def scripted(faults: Iterable[str | None], then: str | None = None) -> FaultPlan:
    """The given faults in order, then `then` for every later request."""
    queue = list(faults)

    def plan(request: httpx.Request) -> str | None:
        return queue.pop(0) if queue else then

    return plan


class FaultInjectingTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        clock: FakeClock,
        plan: FaultPlan,
        latency: float = 30.0,
    ) -> None:
        self.inner = inner
        self.clock = clock
        self.plan = plan
        self.latency = latency
        self.timeouts: list[dict] = []
        self.injected: list[str | None] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeout = dict(request.extensions.get("timeout") or {})
        self.timeouts.append(timeout)
        fault = self.plan(request)
        self.injected.append(fault)
        if fault == "refused":
            raise httpx.ConnectError("connection refused (injected)", request=request)
        if fault == "503":
            return httpx.Response(503, json={"detail": "overloaded (injected)"}, request=request)
        response = await self.inner.handle_async_request(request)
        if fault == "lost":
            raise httpx.ReadError("connection reset after the request (injected)", request=request)
        if fault == "slow":
            read = timeout.get("read")
            if read is not None and read < self.latency:
                self.clock.advance(read)
                raise httpx.ReadTimeout("no answer within the read timeout", request=request)
            self.clock.advance(self.latency)
        return response
