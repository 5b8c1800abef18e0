"""The circuit breaker's states, on a fake clock, and how it ends retries."""

import asyncio

import pytest

from app.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker, CircuitOpen
from app.chaos import scripted
from app.clock import FakeClock
from app.payments_client import PaymentsUnavailable


class Dependency:
    def __init__(self):
        self.calls = 0
        self.failing = True
        self.gate: asyncio.Event | None = None
        self.entered: asyncio.Event | None = None

    async def __call__(self):
        self.calls += 1
        if self.entered is not None:
            self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.failing:
            raise ConnectionError("payments down")
        return "ok"


def fail(breaker, dep, times):
    for _ in range(times):
        with pytest.raises(ConnectionError):
            asyncio.run(breaker.call(dep))


def test_the_breaker_opens_after_n_failures_in_a_row_and_then_fails_fast():
    clock, dep = FakeClock(), Dependency()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10, clock=clock)
    fail(breaker, dep, 3)
    assert breaker.state == OPEN
    with pytest.raises(CircuitOpen):
        asyncio.run(breaker.call(dep))
    assert dep.calls == 3, "an open breaker must not call the dependency"


def test_a_success_resets_the_count_of_failures():
    clock, dep = FakeClock(), Dependency()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10, clock=clock)
    fail(breaker, dep, 2)
    dep.failing = False
    assert asyncio.run(breaker.call(dep)) == "ok"
    dep.failing = True
    fail(breaker, dep, 2)
    assert breaker.state == CLOSED, "failures are counted in a row, not in total"


def test_after_the_cool_down_one_trial_call_closes_the_breaker():
    clock, dep = FakeClock(), Dependency()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10, clock=clock)
    fail(breaker, dep, 3)
    clock.advance(9.9)
    with pytest.raises(CircuitOpen):
        asyncio.run(breaker.call(dep))
    clock.advance(0.1)
    dep.failing = False
    try:
        result = asyncio.run(breaker.call(dep))
    except CircuitOpen:
        result = "rejected"
    assert result == "ok", "after reset_timeout a trial call must go through"
    assert breaker.state == CLOSED
    assert dep.calls == 4


def test_a_failed_trial_opens_the_breaker_for_a_new_cool_down():
    clock, dep = FakeClock(), Dependency()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10, clock=clock)
    fail(breaker, dep, 3)
    clock.advance(10)
    try:
        asyncio.run(breaker.call(dep))
    except (ConnectionError, CircuitOpen):
        pass
    assert dep.calls == 4, "after the cool-down the trial call must reach the dependency"
    assert breaker.state == OPEN, "one failed trial is enough to open again"
    clock.advance(9)
    with pytest.raises(CircuitOpen):
        asyncio.run(breaker.call(dep))
    assert dep.calls == 4


def test_half_open_lets_a_single_trial_through():
    async def scenario():
        clock, dep = FakeClock(), Dependency()
        breaker = CircuitBreaker(failure_threshold=1, reset_timeout=10, clock=clock)
        with pytest.raises(ConnectionError):
            await breaker.call(dep)
        clock.advance(10)
        dep.failing, dep.gate, dep.entered = False, asyncio.Event(), asyncio.Event()
        trial = asyncio.create_task(breaker.call(dep))
        entered = asyncio.create_task(dep.entered.wait())
        await asyncio.wait({trial, entered}, return_when=asyncio.FIRST_COMPLETED)
        entered.cancel()
        assert dep.entered.is_set(), f"the trial call did not reach the dependency: {trial!r}"
        assert breaker.state == HALF_OPEN
        with pytest.raises(CircuitOpen):
            await breaker.call(dep)
        dep.gate.set()
        return await trial, dep.calls, breaker.state

    result, calls, state = asyncio.run(scenario())
    assert (result, calls, state) == ("ok", 2, CLOSED)


def test_an_open_breaker_ends_the_retries_at_once(rig):
    r = rig(scripted([], then="refused"), threshold=4, attempts=4)
    with pytest.raises(PaymentsUnavailable):
        asyncio.run(r.client.charges_of(1))
    assert r.breaker.state == OPEN
    sleeps_before = list(r.clock.sleeps)
    with pytest.raises(PaymentsUnavailable) as raised:
        asyncio.run(r.client.charges_of(1))
    assert r.clock.sleeps == sleeps_before, "retrying against an open breaker only burns time"
    assert len(r.chaos.injected) == 4, "an open breaker let a request through"
    assert raised.value.retry_after > 0
