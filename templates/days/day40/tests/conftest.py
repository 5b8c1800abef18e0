import os
import random

import pytest

from app.breaker import CircuitBreaker
from app.bulkhead import Bulkhead
from app.chaos import FaultInjectingTransport, scripted
from app.clock import FakeClock
from app.payments import FakePayments
from app.payments_client import PaymentsClient
from app.retry import RetryPolicy


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a cluster with Chaos Mesh; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Rig:
    """Payments behind a fault-injecting transport, and a client wired to both, on fake time."""

    def __init__(self, plan, *, seed=7, attempts=4, threshold=5, reset=10.0, limit=10, gate=None):
        self.clock = FakeClock()
        self.payments = FakePayments(gate=gate)
        self.chaos = FaultInjectingTransport(self.payments, self.clock, plan)
        self.breaker = CircuitBreaker(threshold, reset, clock=self.clock)
        self.bulkhead = Bulkhead(limit)
        self.retry = RetryPolicy(attempts=attempts, rng=random.Random(seed), sleep=self.clock.sleep)
        self.client = PaymentsClient(
            transport=self.chaos, retry=self.retry, breaker=self.breaker, bulkhead=self.bulkhead
        )


@pytest.fixture
def rig():
    """rig(plan, ...) builds a Rig; the default plan injects no fault."""

    def build(plan=None, **options):
        return Rig(plan if plan is not None else scripted([]), **options)

    return build
