"""The search service's Deployment and HorizontalPodAutoscaler: rightsized, and scaled on CPU."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

K8S = Path(__file__).resolve().parent.parent / "k8s"
# A week of measurements of one search pod (see the lab sheet).
P95_CPU_MILLICORES = 180
PEAK_MEMORY_MIB = 350


def load(name: str) -> dict:
    return yaml.safe_load((K8S / name).read_text())


def millicores(quantity: str | int) -> float:
    text = str(quantity)
    return float(text[:-1]) if text.endswith("m") else float(text) * 1000


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)(Mi|Gi|M|G)?", str(quantity)).groups()
    factor = {"Mi": 1, "Gi": 1024, "M": 1e6 / 2**20, "G": 1e9 / 2**20, None: 1 / 2**20}[unit]
    return float(number) * factor


def containers() -> list[dict]:
    return load("search-deployment.yaml")["spec"]["template"]["spec"]["containers"]


def test_the_autoscaler_scales_the_search_deployment_on_cpu():
    hpa = load("search-hpa.yaml")
    spec = hpa.get("spec") or {}
    deployment = load("search-deployment.yaml")

    assert hpa["apiVersion"] == "autoscaling/v2" and hpa["kind"] == "HorizontalPodAutoscaler"
    target = spec.get("scaleTargetRef") or {}
    assert (target.get("apiVersion"), target.get("kind"), target.get("name")) == (
        "apps/v1",
        "Deployment",
        deployment["metadata"]["name"],
    ), f"the HPA scales {target}, not the search Deployment"
    assert 2 <= spec["minReplicas"] < spec["maxReplicas"], "at least two pods, room to grow"
    cpu = [m for m in spec.get("metrics") or [] if m.get("resource", {}).get("name") == "cpu"]
    assert cpu, "scale on CPU"
    goal = cpu[0]["resource"]["target"]
    assert goal["type"] == "Utilization" and 50 <= goal["averageUtilization"] <= 85


def test_scaling_down_waits_for_a_stable_low_load():
    behavior = (load("search-hpa.yaml").get("spec") or {}).get("behavior") or {}

    window = (behavior.get("scaleDown") or {}).get("stabilizationWindowSeconds", 0)
    assert window >= 120, "without a window, pods are removed on every short lull and re-added"


def test_the_deployment_leaves_the_replica_count_to_the_autoscaler():
    spec = load("search-deployment.yaml")["spec"]
    hpa = load("search-hpa.yaml").get("spec") or {}

    assert (hpa.get("scaleTargetRef") or {}).get("name") == "search", "the HPA owns the count"

    assert "replicas" not in spec, (
        "a fixed replicas: resets the pods to that number at every apply, fighting the HPA"
    )


def test_every_container_has_rightsized_requests_and_limits():
    for container in containers():
        resources = container.get("resources") or {}
        requests, limits = resources.get("requests") or {}, resources.get("limits") or {}
        assert {"cpu", "memory"} <= set(requests), (
            "the HPA's utilisation is a percentage of the CPU request: without it, no scaling"
        )
        assert {"cpu", "memory"} <= set(limits)
        cpu = millicores(requests["cpu"])
        assert P95_CPU_MILLICORES <= cpu <= 2 * P95_CPU_MILLICORES, (
            f"CPU request {requests['cpu']}: rightsize it from the measured p95 (180m)"
        )
        assert millicores(limits["cpu"]) >= cpu
        assert mebibytes(requests["memory"]) >= PEAK_MEMORY_MIB, "below the peak: OOM kills"
        assert mebibytes(requests["memory"]) <= 2 * PEAK_MEMORY_MIB, "paying for idle memory"
        assert mebibytes(limits["memory"]) >= mebibytes(requests["memory"])
