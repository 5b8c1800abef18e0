"""Every call to Payments has a timeout, so a hung dependency cannot hold an order forever."""

import asyncio

import pytest

from app.chaos import scripted
from app.payments_client import PaymentsUnavailable


def test_every_request_to_payments_carries_a_timeout(rig):
    r = rig()
    asyncio.run(r.client.charge(1, 1200, idempotency_key="order-1"))
    asyncio.run(r.client.charges_of(1))
    assert len(r.chaos.timeouts) == 2
    for timeout in r.chaos.timeouts:
        for phase in ("connect", "read", "write", "pool"):
            assert timeout.get(phase) is not None, f"no {phase} timeout: {timeout}"
        assert timeout["read"] <= 5, f"a {timeout['read']} s read timeout is not a timeout"


def test_a_hung_payments_service_costs_at_most_the_timeouts_and_backoffs(rig):
    r = rig(scripted([], then="slow"), attempts=4)  # every answer would take 30 s
    with pytest.raises(PaymentsUnavailable):
        asyncio.run(r.client.charges_of(1))
    read = r.chaos.timeouts[0]["read"]
    budget = 4 * read + sum(r.clock.sleeps)
    assert r.clock.now <= budget + 1e-9, f"the call held on for {r.clock.now} s (budget {budget} s)"
    assert r.clock.now < 30, "the caller waited for the hung service instead of timing out"
