"""The search Rollout, its analysis and its Services, checked structurally (kubernetes-validate
has no schema for Argo's kinds)."""

from __future__ import annotations

import re

from knowledgecloud.release.canary import FAIL_BELOW, SUCCESS_AT
from tests.conftest import find


def rollout() -> dict:
    found = find("Rollout", "search")
    assert len(found) == 1, "k8s/ needs exactly one Rollout named search"
    return found[0]


def canary() -> dict:
    return rollout()["spec"]["strategy"].get("canary") or {}


def weights() -> list[int]:
    return [s["setWeight"] for s in canary().get("steps") or [] if "setWeight" in s]


def test_weights_rise_strictly_to_100():
    w = weights()
    assert len(w) >= 3, f"a canary needs several steps, got {w}"
    assert all(a < b for a, b in zip(w, w[1:], strict=False)), f"weights must rise: {w}"
    assert w[-1] == 100, f"the last step sends all traffic to the new version: {w}"
    assert w[0] <= 25, f"the first step exposes a small share of users, not {w[0]}%"


def test_every_partial_weight_is_held_by_a_pause():
    steps = canary().get("steps") or []
    assert steps, "no steps"
    for i, step in enumerate(steps):
        if step.get("setWeight", 100) < 100:
            following = steps[i + 1] if i + 1 < len(steps) else {}
            assert "pause" in following or "analysis" in following, (
                f"setWeight {step['setWeight']} is followed by {following}: no time to measure"
            )


def test_analysis_runs_a_template_that_exists_with_its_arguments():
    analysis = canary().get("analysis") or {}
    refs = [t["templateName"] for t in analysis.get("templates") or []]
    refs += [
        t["templateName"]
        for s in canary().get("steps") or []
        if "analysis" in s
        for t in s["analysis"].get("templates") or []
    ]
    assert refs, "the canary runs no analysis"
    given = {a["name"] for a in analysis.get("args") or []}
    for name in refs:
        templates = find("AnalysisTemplate", name)
        assert templates, f"AnalysisTemplate {name} is not in k8s/"
        wanted = {a["name"] for a in templates[0]["spec"].get("args") or [] if "value" not in a}
        assert wanted <= given, f"{name} needs the args {sorted(wanted - given)}"


def test_analysis_measures_the_canary_success_rate_in_prometheus():
    [template] = find("AnalysisTemplate", "search-success-rate")
    [metric] = template["spec"]["metrics"]
    prometheus = (metric.get("provider") or {}).get("prometheus") or {}
    query = prometheus.get("query", "")
    assert prometheus.get("address", "").startswith("http"), "where Prometheus answers"
    assert "{{args.service-name}}" in query, "the query measures the service it is given"
    assert re.search(r'!~\s*"5\.\."', query), "successes are the responses that are not 5xx"
    assert "/" in query, "a rate is a ratio of two sums"
    args = {a["name"]: a.get("value") for a in canary()["analysis"]["args"]}
    assert args.get("service-name") == canary()["canaryService"], "measure the canary, not stable"
    assert metric.get("count", 0) >= 3 and metric.get("interval")


def test_analysis_thresholds_match_the_release_policy():
    [template] = find("AnalysisTemplate", "search-success-rate")
    [metric] = template["spec"]["metrics"]
    success = re.search(r"result\[0\]\s*>=\s*([0-9.]+)", metric.get("successCondition", ""))
    failure = re.search(r"result\[0\]\s*<\s*([0-9.]+)", metric.get("failureCondition", ""))
    assert success and float(success.group(1)) == SUCCESS_AT
    assert failure and float(failure.group(1)) == FAIL_BELOW
    assert metric.get("failureLimit") == 0, "one failed measurement is one too many"


def test_selector_matches_the_pod_template_labels():
    spec = rollout()["spec"]
    selector = (spec.get("selector") or {}).get("matchLabels")
    labels = spec["template"]["metadata"]["labels"]
    assert selector and selector.items() <= labels.items()


def test_stable_and_canary_services_exist_and_select_the_rollout_pods():
    c = canary()
    labels = rollout()["spec"]["template"]["metadata"]["labels"]
    names = (c.get("stableService"), c.get("canaryService"))
    assert None not in names and names[0] != names[1]
    for name in names:
        [service] = find("Service", name)
        selector = service["spec"]["selector"]
        assert selector.items() <= labels.items(), f"{name} selects {selector}"
