"""Checks the real cluster. Needs kubectl pointing at your kind cluster and `kubectl apply -k k8s/`
done; run with BEC_LIVE=1 python -m pytest tests/test_live_cluster.py"""

import json
import subprocess
import time

import pytest


def kubectl(*args: str) -> str:
    result = subprocess.run(
        ["kubectl", "--namespace", "shop", *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def ready_pods() -> set[str]:
    pods = json.loads(kubectl("get", "pods", "-l", "app.kubernetes.io/name=users", "-o", "json"))
    return {
        pod["metadata"]["name"]
        for pod in pods["items"]
        if any(
            c["type"] == "Ready" and c["status"] == "True"
            for c in pod.get("status", {}).get("conditions", [])
        )
        and not pod["metadata"].get("deletionTimestamp")
    }


@pytest.mark.live
def test_deleted_pod_is_replaced_by_the_replicaset():
    deployment = json.loads(kubectl("get", "deployment", "users", "-o", "json"))
    wanted = deployment["spec"]["replicas"]
    before = ready_pods()
    assert len(before) == wanted, f"expected {wanted} ready pods, found {sorted(before)}"
    victim = sorted(before)[0]
    kubectl("delete", "pod", victim, "--wait=false")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        now = ready_pods()
        if len(now) == wanted and victim not in now:
            return
        time.sleep(2)
    pytest.fail(f"the ReplicaSet did not bring back {wanted} ready pods within two minutes")
