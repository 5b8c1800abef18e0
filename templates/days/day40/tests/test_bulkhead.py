"""The bulkhead: at most N calls in flight, the rest rejected at once (no queue)."""

import asyncio

from app.bulkhead import Bulkhead, BulkheadFull
from app.payments_client import PaymentsUnavailable


async def settle(tasks, parked, rounds=100):
    """Let the tasks run until each has finished or parked in the held dependency.

    `asyncio.sleep(0)` waits for no time: it lets every other ready task take one step. A task
    that is queued (neither finished nor parked) never settles, and after `rounds` passes the
    test goes on and its assertions say what is wrong, instead of hanging.
    """
    for _ in range(rounds):
        if sum(t.done() for t in tasks) + parked() == len(tasks):
            return
        await asyncio.sleep(0)


def test_the_bulkhead_admits_n_and_rejects_the_rest_at_once():
    async def scenario():
        bulkhead, gate = Bulkhead(3), asyncio.Event()
        inside = peak = 0

        async def call():
            nonlocal inside, peak
            async with bulkhead:
                inside += 1
                peak = max(peak, inside)
                await gate.wait()
                inside -= 1
                return "done"

        tasks = [asyncio.create_task(call()) for _ in range(10)]
        await settle(tasks, lambda: inside)
        rejected_before_release = sum(t.done() for t in tasks)
        gate.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return peak, rejected_before_release, results, bulkhead.in_flight

    peak, rejected_early, results, in_flight = asyncio.run(scenario())
    assert peak <= 3, f"{peak} calls ran at once through a bulkhead of 3"
    assert rejected_early == 7, "excess calls must be rejected at once, not queued"
    assert sum(isinstance(r, BulkheadFull) for r in results) == 7
    assert results.count("done") == 3
    assert in_flight == 0, "every slot is given back"


def test_a_slot_is_given_back_when_the_call_fails():
    async def scenario():
        bulkhead = Bulkhead(1)
        outcomes = []
        for _ in range(3):
            try:
                async with bulkhead:
                    raise ConnectionError("payments down")
            except ConnectionError:
                outcomes.append("failed inside")
            except BulkheadFull:
                outcomes.append("rejected")
        return outcomes, bulkhead.in_flight

    outcomes, in_flight = asyncio.run(scenario())
    assert outcomes == ["failed inside"] * 3, "a failed call kept its slot"
    assert in_flight == 0


def test_the_payments_client_has_at_most_n_charges_in_flight(rig):
    async def scenario():
        r = rig(limit=3, gate=asyncio.Event())
        tasks = [
            asyncio.create_task(r.client.charge(i, 1000, idempotency_key=f"order-{i}"))
            for i in range(1, 11)
        ]
        await settle(tasks, lambda: r.payments.in_flight)
        rejected_early = sum(t.done() for t in tasks)
        r.payments.gate.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        return r, rejected_early, results

    r, rejected_early, results = asyncio.run(scenario())
    assert r.payments.peak_in_flight <= 3, f"{r.payments.peak_in_flight} charges in flight at once"
    assert rejected_early == 7, "excess charges must be rejected at once"
    assert sum(isinstance(x, PaymentsUnavailable) for x in results) == 7
    assert len(r.payments.ledger) == 3
