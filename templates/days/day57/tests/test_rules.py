"""The alert rules, checked without promtool: thresholds, `for`, and series that exist.

promtool evaluates the real PromQL (prometheus/knowledgecloud.rules.test.yml; the course's
harness runs it). These tests check the method with a small evaluator of their own.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import exercised_kc
from tests.promql import evaluate, metric_names
from tests.rules import PROM, alerts, recording, rules

EXPECTED = {"KCIndexingQueueLagHigh", "KCErrorBudgetFastBurn", "KCLLMSpendHigh"}


def minutes(duration: str | None) -> float:
    match = re.fullmatch(r"(\d+)([smh])", str(duration or "0s"))
    assert match, f"cannot read the duration {duration!r}"
    return int(match[1]) * {"s": 1 / 60, "m": 1, "h": 60}[match[2]]


def fires(name: str, values: dict[str, float | None]) -> bool:
    """Would the alert's expression hold if each recording rule had the value given?"""
    rule = alerts().get(name)
    assert rule, f"no alert {name} in knowledgecloud.rules.yml"
    try:
        return evaluate(rule["expr"], {**dict.fromkeys(recording()), **values}) is not None
    except ValueError as exc:
        pytest.fail(f"{name}: {exc}")


def test_the_three_alerts_exist_with_a_severity_and_a_summary():
    assert set(alerts()) >= EXPECTED, f"missing alerts: {sorted(EXPECTED - set(alerts()))}"
    for name, rule in alerts().items():
        assert rule["labels"]["severity"] in ("page", "ticket"), name
        assert rule["annotations"]["summary"], name
    assert alerts()["KCIndexingQueueLagHigh"]["labels"]["severity"] == "page"
    assert alerts()["KCLLMSpendHigh"]["labels"]["severity"] == "ticket", "money is not a page"


def test_every_alert_waits_before_firing():
    assert set(alerts()) >= EXPECTED, f"missing alerts: {sorted(EXPECTED - set(alerts()))}"
    for name, rule in alerts().items():
        assert minutes(rule.get("for")) >= 1, (
            f"{name} has no `for`: one evaluation over the line fires it, the next resolves it "
            "(a flapping alert teaches people to ignore pages)"
        )
    assert minutes(alerts()["KCIndexingQueueLagHigh"].get("for")) >= 5
    assert minutes(alerts()["KCLLMSpendHigh"].get("for")) >= 15


def test_queue_lag_pages_above_five_minutes_of_lag():
    lag = "job:kc_indexing_queue_lag_seconds:max"
    assert re.fullmatch(
        r"max by \(job\) \(kc_indexing_queue_lag_seconds\)", recording().get(lag, "").strip()
    ), f"record {lag} as the largest lag of the job's instances"

    assert fires("KCIndexingQueueLagHigh", {lag: 301})
    assert fires("KCIndexingQueueLagHigh", {lag: 3600})
    assert not fires("KCIndexingQueueLagHigh", {lag: 299})
    assert not fires("KCIndexingQueueLagHigh", {lag: 0})


def test_fast_burn_needs_both_windows_above_fourteen_times_the_budget():
    short, long = "job:kc_http_errors:ratio_rate5m", "job:kc_http_errors:ratio_rate1h"
    for name, window in ((short, "5m"), (long, "1h")):
        expr = re.sub(r"\s+", " ", recording().get(name, ""))
        assert f"[{window}]" in expr and 'status_class="5xx"' in expr, f"{name}: {expr!r}"
    limit = 14.4 * 0.001

    assert fires("KCErrorBudgetFastBurn", {short: 0.03, long: 0.03})
    assert not fires("KCErrorBudgetFastBurn", {short: limit * 0.9, long: limit * 0.9})
    assert not fires("KCErrorBudgetFastBurn", {short: 0.5, long: 0.005}), "a blip must not page"
    assert not fires("KCErrorBudgetFastBurn", {short: 0.0, long: 0.03}), "errors stopped"


def test_spend_alert_fires_above_twenty_dollars_an_hour():
    rate = "job:kc_llm_cost_dollars:rate1h"
    expr = re.sub(r"\s+", " ", recording().get(rate, ""))
    assert "kc_llm_cost_dollars_total[1h]" in expr and "rate(" in expr, (
        "the cost is a counter: its spend per second is rate(...), never its raw value"
    )

    assert fires("KCLLMSpendHigh", {rate: 25 / 3600})
    assert not fires("KCLLMSpendHigh", {rate: 15 / 3600})


def test_every_rule_reads_series_that_exist():
    exported = {s.name for s in exercised_kc().scrape()}
    recorded = set(recording())
    assert rules(), "knowledgecloud.rules.yml has no rules"

    for rule in rules():
        for name in metric_names(rule["expr"]):
            assert name in exported | recorded, (
                f"{rule.get('record') or rule.get('alert')} reads {name}, which no service "
                "exports and no recording rule records: the alert can never fire"
            )
        if "record" in rule:
            assert rule["record"].count(":") == 2, "name recording rules level:metric:operations"


def test_promtool_tests_cover_every_alert_firing():
    data = yaml.safe_load((PROM / "knowledgecloud.rules.test.yml").read_text())
    firing = {
        t["alertname"]
        for case in data["tests"]
        for t in case.get("alert_rule_test", [])
        if t.get("exp_alerts")
    }
    assert set(alerts()) >= EXPECTED, f"missing alerts: {sorted(EXPECTED - set(alerts()))}"
    assert set(alerts()) <= firing, f"alerts never shown firing: {set(alerts()) - firing}"


def test_prometheus_scrapes_knowledgecloud_and_loads_the_rules():
    config = yaml.safe_load((PROM / "prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config.get("scrape_configs") or []}

    assert "knowledgecloud" in jobs, 'the rules and the dashboard select job="knowledgecloud"'
    configs = jobs["knowledgecloud"].get("static_configs") or []
    targets = [t for sc in configs for t in sc["targets"]]
    assert targets and all(t.endswith(":8000") for t in targets), targets
    assert "knowledgecloud.rules.yml" in (config.get("rule_files") or [])
