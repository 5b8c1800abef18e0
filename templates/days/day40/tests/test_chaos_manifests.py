"""The Chaos Mesh experiments, checked for their shape and their blast radius.

Applying them needs a cluster with Chaos Mesh: see tests/test_chaos_live.py.
"""

import re
from pathlib import Path

import pytest
import yaml

from app.payments_client import DEFAULT_TIMEOUT

CHAOS = Path(__file__).resolve().parent.parent / "chaos"
TARGET = {"app.kubernetes.io/name": "payments"}


def load(name: str) -> dict:
    return yaml.safe_load((CHAOS / name).read_text())


def seconds(duration: str) -> float:
    """Go durations as Chaos Mesh writes them: 300ms, 3s, 5m, 1h30m."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", str(duration))
    assert parts and "".join(n + u for n, u in parts) == str(duration), (
        f"not a duration: {duration}"
    )
    return sum(float(n) * units[u] for n, u in parts)


@pytest.mark.parametrize("name", ["payments-pod-kill.yaml", "payments-latency.yaml"])
def test_an_experiment_targets_payments_pods_only(name):
    doc = load(name)
    assert doc.get("apiVersion") == "chaos-mesh.org/v1alpha1"
    assert doc.get("metadata", {}).get("namespace") == "shop"
    spec = doc.get("spec") or {}
    selector = spec.get("selector") or {}
    assert selector.get("namespaces") == ["shop"], "limit the experiment to the shop namespace"
    assert selector.get("labelSelectors") == TARGET, "select the payments pods, and only them"
    assert spec.get("mode") in {"one", "fixed", "fixed-percent", "random-max-percent"}, (
        "mode 'all' turns an experiment into an outage"
    )


def test_the_pod_kill_experiment_kills_one_pod():
    spec = load("payments-pod-kill.yaml").get("spec") or {}
    assert load("payments-pod-kill.yaml").get("kind") == "PodChaos"
    assert spec.get("action") == "pod-kill"
    assert spec.get("mode") == "one"


def test_the_latency_experiment_outlasts_the_read_timeout_for_a_bounded_time():
    doc = load("payments-latency.yaml")
    spec = doc.get("spec") or {}
    assert doc.get("kind") == "NetworkChaos"
    assert spec.get("action") == "delay"
    delay = spec.get("delay") or {}
    assert "latency" in delay, "a delay experiment needs a latency"
    assert seconds(delay["latency"]) > DEFAULT_TIMEOUT.read, (
        "a delay shorter than the read timeout never exercises the timeout path"
    )
    assert "duration" in spec, "an experiment without a duration runs until someone remembers it"
    assert 0 < seconds(spec["duration"]) <= 15 * 60
