"""Recording and alert rules: error ratios per window, and burn-rate alerts that page wisely.

promtool evaluates the real PromQL (prometheus/shop.rules.test.yml). These tests read the
rules file and check the method: which windows, which factor, and that every series exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import exercised_shop
from tests.promql import evaluate, metric_names, range_windows

PROM = Path(__file__).resolve().parent.parent / "prometheus"
SLO = 0.999
BUDGET = 1 - SLO


def rules() -> list[dict]:
    data = yaml.safe_load((PROM / "shop.rules.yml").read_text()) or {}
    return [rule for group in data.get("groups") or [] for rule in group.get("rules") or []]


def recording() -> dict[str, str]:
    return {r["record"]: r["expr"] for r in rules() if "record" in r}


def alert(name: str) -> dict:
    found = [r for r in rules() if r.get("alert") == name]
    assert len(found) == 1, f"expected one alert {name} in shop.rules.yml"
    return found[0]


def error_ratio_rule(window: str) -> str:
    name = f"job:shop_http_errors:ratio_rate{window}"
    expr = recording().get(name)
    assert expr, f"missing the recording rule {name}"
    return name


def fires(alert_name: str, ratios: dict[str, float]) -> bool:
    """Would the alert fire if the error ratio over each window were `ratios[window]`?"""
    values: dict[str, float | None] = {}
    for name, expr in recording().items():
        windows = range_windows(expr)
        if name.startswith("job:shop_http_errors:ratio_rate") and len(windows) == 1:
            values[name] = ratios.get(windows.pop())
    expr = alert(alert_name)["expr"]
    try:
        return evaluate(expr, values) is not None
    except ValueError as exc:
        pytest.fail(f"{alert_name}: {exc}")


@pytest.mark.parametrize("window", ["5m", "30m", "1h", "6h"])
def test_error_ratio_recording_rules_match_their_window(window):
    expr = recording().get(f"job:shop_http_errors:ratio_rate{window}", "")

    assert expr, f"missing the recording rule job:shop_http_errors:ratio_rate{window}"
    assert range_windows(expr) == {window}, f"the rule named {window} computes over another window"
    assert metric_names(expr) == {"shop_http_requests_total"}, metric_names(expr)
    numerator, _, denominator = expr.partition("/")
    assert re.search(r'status_class\s*=~?\s*"5', numerator), "errors are the 5xx requests"
    assert "status_class" not in denominator, "divide by all requests, not by the successful ones"
    assert "rate(" in expr and "sum by (job)" in re.sub(r"\s+", " ", expr)


def test_fast_burn_pages_when_both_windows_burn_fourteen_times_the_budget():
    name = "ShopErrorBudgetFastBurn"
    error_ratio_rule("1h")
    error_ratio_rule("5m")
    threshold = 14.4 * BUDGET

    assert alert(name)["labels"]["severity"] == "page"
    assert fires(name, {"1h": 0.02, "5m": 0.02}), "2% errors for an hour must page"
    assert fires(name, {"1h": threshold * 1.05, "5m": threshold * 1.05})
    assert not fires(name, {"1h": threshold * 0.95, "5m": threshold * 0.95}), (
        "below 14.4 times the budget (99.9% SLO) the fast burn must not page"
    )


def test_a_short_blip_of_errors_does_not_page():
    assert not fires("ShopErrorBudgetFastBurn", {"1h": 0.008, "5m": 0.5}), (
        "five bad minutes in a good hour paged: the alert needs the 1h window to agree"
    )


def test_the_page_resolves_soon_after_the_errors_stop():
    assert not fires("ShopErrorBudgetFastBurn", {"1h": 0.03, "5m": 0.0}), (
        "the errors stopped, yet the page would go on for up to an hour: "
        "the alert needs the 5m window to agree"
    )


def test_slow_burn_opens_a_ticket_at_six_times_the_budget_over_six_hours():
    name = "ShopErrorBudgetSlowBurn"
    threshold = 6 * BUDGET

    assert alert(name)["labels"]["severity"] == "ticket"
    assert fires(name, {"6h": threshold * 1.05, "30m": threshold * 1.05})
    assert not fires(name, {"6h": threshold * 0.95, "30m": threshold * 0.95})
    assert not fires(name, {"6h": threshold * 0.5, "30m": 0.5})
    assert not fires(name, {"6h": threshold * 2, "30m": 0.0})


def test_high_error_rate_alert_waits_before_firing():
    name = "ShopHighErrorRate"
    rule = alert(name)

    assert fires(name, {"5m": 0.06}) and not fires(name, {"5m": 0.04})
    minutes = {"s": 1 / 60, "m": 1, "h": 60}
    duration = re.fullmatch(r"(\d+)([smh])", str(rule.get("for", "0s")))
    assert duration and int(duration[1]) * minutes[duration[2]] >= 5, (
        "without `for` a single bad scrape fires the alert"
    )


def test_every_rule_reads_series_that_exist_and_alerts_are_documented():
    exported = {s.name for s in exercised_shop().scrape()}
    recorded = set(recording())
    assert rules(), "shop.rules.yml has no rules"

    for rule in rules():
        for name in metric_names(rule["expr"]):
            assert name in exported | recorded, (
                f"{rule.get('record') or rule.get('alert')} reads {name}, which neither the app "
                "exports nor a recording rule records"
            )
        if "record" in rule:
            assert rule["record"].count(":") == 2, "name recording rules level:metric:operations"
        else:
            assert rule["labels"]["severity"] in ("page", "ticket")
            assert rule["annotations"]["summary"]


def test_promtool_tests_cover_every_alert():
    data = yaml.safe_load((PROM / "shop.rules.test.yml").read_text())
    tested = {t["alertname"] for case in data["tests"] for t in case.get("alert_rule_test", [])}
    alerts = {r["alert"] for r in rules() if "alert" in r}

    assert alerts >= {"ShopHighErrorRate", "ShopErrorBudgetFastBurn", "ShopErrorBudgetSlowBurn"}
    assert alerts <= tested, f"alerts without a promtool unit test: {sorted(alerts - tested)}"


def test_prometheus_scrapes_the_shop_and_loads_the_rules():
    config = yaml.safe_load((PROM / "prometheus.yml").read_text())

    jobs = {job["job_name"]: job for job in config.get("scrape_configs") or []}
    assert "shop" in jobs, 'the rules select job="shop": the scrape job must have that name'
    shop = jobs["shop"]
    assert shop.get("metrics_path", "/metrics") == "/metrics"
    targets = [t for sc in shop.get("static_configs") or [] for t in sc.get("targets") or []]
    assert targets and all(t.endswith(":8000") for t in targets), targets
    interval = shop.get("scrape_interval", config["global"]["scrape_interval"])
    seconds = int(interval.rstrip("s"))
    assert 4 * seconds <= 5 * 60, "rate() over 5m needs at least four scrapes in the window"
    for rule_file in config.get("rule_files") or []:
        assert (PROM / rule_file).is_file(), f"prometheus.yml loads {rule_file}, which is missing"
    assert "shop.rules.yml" in (config.get("rule_files") or [])
