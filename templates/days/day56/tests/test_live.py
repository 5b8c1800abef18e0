"""Against a real cluster with Argo Rollouts and the manifests applied (see the README's steps).

BEC_LIVE=1 python -m pytest tests/test_live.py
"""

from __future__ import annotations

import json
import subprocess

import pytest


def kubectl(*args: str) -> dict:
    out = subprocess.run(
        ["kubectl", "-n", "knowledgecloud", *args, "-o", "json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


@pytest.mark.live
def test_the_cluster_runs_the_rollout_as_committed():
    rollout = kubectl("get", "rollout", "search")
    steps = rollout["spec"]["strategy"]["canary"]["steps"]
    weights = [s["setWeight"] for s in steps if "setWeight" in s]
    assert weights[-1] == 100
    assert rollout["status"]["phase"] in {"Healthy", "Progressing", "Paused"}
    template = kubectl("get", "analysistemplate", "search-success-rate")
    assert template["spec"]["metrics"][0]["provider"]["prometheus"]["query"]
