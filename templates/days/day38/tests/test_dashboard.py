"""The Grafana dashboard: the RED panels, and only queries on series the shop really has."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from shop.dashboard import build_dashboard
from tests.conftest import exercised_shop
from tests.promql import metric_names

RULES = Path(__file__).resolve().parent.parent / "prometheus" / "shop.rules.yml"


def exprs(dashboard: dict) -> list[tuple[str, str]]:
    return [(p["title"], t["expr"]) for p in dashboard["panels"] for t in p.get("targets", [])]


def recorded() -> set[str]:
    data = yaml.safe_load(RULES.read_text()) or {}
    groups = data.get("groups") or []
    return {r["record"] for g in groups for r in g.get("rules") or [] if "record" in r}


def test_every_metric_the_dashboard_queries_exists():
    dashboard = build_dashboard()
    exported = {s.name for s in exercised_shop().scrape()}
    available = exported | recorded()

    queried = set()
    for title, expr in exprs(dashboard):
        for name in metric_names(expr):
            queried.add(name)
            assert name in available, (
                f"panel {title!r} queries {name}, which the app does not export "
                f"(and no recording rule records): it would stay empty"
            )
    assert queried, "the dashboard queries nothing"


def test_dashboard_shows_throughput_errors_latency_and_orders():
    dashboard = build_dashboard()
    queries = " ".join(expr for _, expr in exprs(dashboard))
    flat = re.sub(r"\s+", " ", queries)

    assert re.search(r"rate\(shop_http_requests_total\{[^}]*\}\[", flat), "a throughput query"
    assert 'status_class="5xx"' in flat or "shop_http_errors:ratio" in flat, "an error query"
    assert "shop_orders_placed_total" in flat, "the business metric"
    quantiles = re.findall(r"histogram_quantile\(\s*0?\.\d+,\s*sum by \(([^)]*)\)", flat)
    assert quantiles, "latency quantiles come from the histogram's buckets (histogram_quantile)"
    for by in quantiles:
        assert "le" in [label.strip() for label in by.split(",")], (
            "histogram_quantile needs the `le` label kept in the sum"
        )
    assert "_bucket" in flat


def test_dashboard_is_a_well_formed_grafana_model():
    dashboard = json.loads(json.dumps(build_dashboard()))

    assert dashboard["uid"] and dashboard["title"]
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids)) >= 4
    variables = {v["name"] for v in dashboard["templating"]["list"]}
    for p in dashboard["panels"]:
        assert p["datasource"]["uid"].strip("${}") in variables, "use the data source variable"
        assert {"h", "w", "x", "y"} <= set(p["gridPos"])
        assert p["fieldConfig"]["defaults"]["unit"], f"panel {p['title']!r} has no unit"
        for t in p["targets"]:
            assert re.search(r"\[\$__rate_interval\]|\[\d+[smh]\]", t["expr"]) or ":" in t["expr"]
