"""Backoff: exponential, capped, fully jittered; retries only where they are safe."""

import asyncio
import random

import httpx
import pytest

from app.chaos import scripted
from app.payments_client import CardDeclined, PaymentsUnavailable
from app.retry import RetryableStatus, RetryPolicy, is_transient


@pytest.mark.parametrize("retry", [0, 1, 2, 3, 4, 5, 6])
def test_backoff_is_full_jitter_under_an_exponential_cap(retry):
    policy = RetryPolicy(base=0.1, cap=2.0, rng=random.Random(retry))
    ceiling = min(2.0, 0.1 * 2**retry)
    waits = [policy.backoff(retry) for _ in range(400)]
    assert all(0 <= w <= ceiling for w in waits), f"retry {retry}: a wait outside [0, {ceiling}]"
    assert min(waits) < 0.1 * ceiling, "full jitter draws from the whole range, down to zero"
    assert max(waits) > 0.9 * ceiling, "full jitter reaches up to the exponential cap"


def test_clients_that_fail_together_do_not_retry_in_lockstep(rig):
    """Five clients hit the same outage at the same moment; their retries must spread out."""
    schedules = []
    for seed in range(5):
        r = rig(scripted(["refused", "refused", "refused"]), seed=seed)
        asyncio.run(r.client.charges_of(1))
        schedules.append(tuple(r.clock.sleeps))
    assert all(len(s) == 3 for s in schedules)
    assert len(set(schedules)) == 5, f"identical retry schedules (a thundering herd): {schedules}"
    assert len({s[0] for s in schedules}) == 5


def test_transient_failures_are_retried_until_success(rig):
    r = rig(scripted(["refused", "503", "slow"]))
    charges = asyncio.run(r.client.charges_of(1))
    assert charges == []
    assert len(r.chaos.injected) == 4
    assert len(r.clock.sleeps) == 3


def test_retries_stop_at_the_attempt_limit(rig):
    r = rig(scripted([], then="refused"), attempts=4)
    with pytest.raises(PaymentsUnavailable):
        asyncio.run(r.client.charges_of(1))
    assert len(r.chaos.injected) == 4, "attempts=4 means four calls in all"
    assert len(r.clock.sleeps) == 3


def test_a_declined_card_is_not_retried(rig):
    r = rig()
    with pytest.raises(CardDeclined):
        asyncio.run(r.client.charge(1, 500_000, idempotency_key="order-1"))
    assert len(r.payments.requests) == 1, "a 402 is an answer, not a transient failure"
    assert r.clock.sleeps == []


def test_only_transport_errors_and_overload_statuses_are_transient():
    request = httpx.Request("GET", "http://payments.test/charges")
    assert is_transient(httpx.ConnectError("x", request=request))
    assert is_transient(httpx.ReadTimeout("x", request=request))
    assert is_transient(RetryableStatus(503))
    assert not is_transient(ValueError("bad input"))
    assert not is_transient(KeyError("id"))


def test_a_post_without_an_idempotency_key_is_sent_once(rig):
    """The response is lost after Payments charged: a blind retry would charge again."""
    r = rig(scripted(["lost"]))
    with pytest.raises(PaymentsUnavailable):
        asyncio.run(r.client.charge(1, 1200, idempotency_key=None))
    assert len(r.payments.requests) == 1, "a POST without a key was repeated"
    assert len(r.payments.charges_of(1)) == 1
    assert r.clock.sleeps == []


def test_a_post_with_an_idempotency_key_is_retried_and_charges_once(rig):
    r = rig(scripted(["lost", "slow"]))
    charge = asyncio.run(r.client.charge(1, 1200, idempotency_key="order-1"))
    keys = [req.headers.get("idempotency-key") for req in r.payments.requests]
    assert keys == ["order-1"] * 3, "every attempt must carry the same key"
    assert r.payments.charges_of(1) == [charge], "the customer was charged more than once"
