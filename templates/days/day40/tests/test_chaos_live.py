"""The latency experiment against the shop running in Kubernetes with Chaos Mesh installed.

    BEC_LIVE=1 ORDERS_URL=http://127.0.0.1:8002 uv run pytest tests/test_chaos_live.py

It applies chaos/payments-latency.yaml with kubectl, places orders through the Orders service,
and deletes the experiment again, whatever happens.
"""

import os
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.test_orders import ORDER, SUCCESS_BOUND

MANIFEST = Path(__file__).resolve().parent.parent / "chaos" / "payments-latency.yaml"


@pytest.mark.live
def test_orders_keep_being_paid_while_payments_is_slow():
    orders_url = os.environ.get("ORDERS_URL")
    if not orders_url:
        pytest.fail("set ORDERS_URL to the Orders service, e.g. http://127.0.0.1:8002")
    subprocess.run(["kubectl", "apply", "-f", str(MANIFEST)], check=True)
    try:
        with httpx.Client(base_url=orders_url, timeout=30) as client:
            statuses = [client.post("/orders", json=ORDER).status_code for _ in range(50)]
    finally:
        subprocess.run(["kubectl", "delete", "-f", str(MANIFEST), "--ignore-not-found"], check=True)
    assert set(statuses) <= {201, 503}, f"unexpected answers: {sorted(set(statuses))}"
    assert statuses.count(201) / len(statuses) >= SUCCESS_BOUND
