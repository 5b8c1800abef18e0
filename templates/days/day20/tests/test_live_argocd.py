"""Checks the running GitOps loop: kind with Argo CD installed, gitops/application.yaml applied and
your repository pushed. Run with BEC_LIVE=1 python -m pytest tests/test_live_argocd.py"""

import json
import subprocess
import time

import pytest


def kubectl(*args: str) -> str:
    result = subprocess.run(["kubectl", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def wait_for(check, seconds: int, message: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(3)
    pytest.fail(message)


@pytest.mark.live
def test_argocd_keeps_the_cluster_equal_to_git():
    def app_status() -> dict:
        return json.loads(kubectl("-n", "argocd", "get", "application", "shop", "-o", "json"))

    def synced_and_healthy() -> bool:
        status = app_status().get("status", {})
        return (
            status.get("sync", {}).get("status") == "Synced"
            and status.get("health", {}).get("status") == "Healthy"
        )

    wait_for(synced_and_healthy, 180, "the Application did not become Synced and Healthy")

    def replicas() -> int:
        deployment = json.loads(kubectl("-n", "shop", "get", "deployment", "users", "-o", "json"))
        return deployment["spec"]["replicas"]

    wanted = replicas()
    kubectl("-n", "shop", "scale", "deployment", "users", f"--replicas={wanted + 3}")
    wait_for(lambda: replicas() == wanted, 180, "selfHeal did not undo the manual scale")
