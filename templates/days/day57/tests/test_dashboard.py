"""The generated Grafana dashboard: the panels the on-call needs, on series that exist."""

from __future__ import annotations

import json
import re

from knowledgecloud.observability.dashboard import build_dashboard
from tests.conftest import exercised_kc
from tests.promql import metric_names
from tests.rules import recording


def exprs() -> list[tuple[str, str]]:
    d = build_dashboard()
    return [(p["title"], t["expr"]) for p in d["panels"] for t in p.get("targets", [])]


def test_every_metric_the_dashboard_queries_exists():
    exported = {s.name for s in exercised_kc().scrape()}
    available = exported | set(recording())

    queried = set()
    for title, expr in exprs():
        for name in metric_names(expr):
            queried.add(name)
            assert name in available, (
                f"panel {title!r} queries {name}, which no service exports and no rule "
                "records: the panel would stay empty, silently"
            )
    assert queried, "the dashboard queries nothing"


def test_dashboard_charts_tokens_spend_lag_backlog_and_errors():
    flat = re.sub(r"\s+", " ", " ".join(e for _, e in exprs()))

    assert re.search(r"rate\(kc_llm_tokens_total\{[^}]*\}\[", flat), "tokens, as a rate"
    assert re.search(r"rate\(kc_llm_cost_dollars_total\{[^}]*\}\[", flat), "spend, as a rate"
    assert re.search(r"sum by \([^)]*tenant[^)]*\) \(rate\(kc_llm_cost_dollars_total", flat), (
        "spend by tenant: which customer costs what"
    )
    assert "kc_indexing_queue_lag_seconds" in flat and "kc_indexing_backlog_events" in flat
    assert not re.search(r"rate\(kc_indexing_(queue_lag_seconds|backlog_events)", flat), (
        "lag and backlog are gauges: chart their value, rate() of a gauge means nothing"
    )
    assert 'status_class="5xx"' in flat or "kc_http_errors:ratio" in flat, "an error query"
    for by in re.findall(r"histogram_quantile\(\s*0?\.\d+,\s*sum by \(([^)]*)\)", flat):
        assert "le" in [label.strip() for label in by.split(",")], "keep `le` in the sum"


def test_dashboard_is_a_well_formed_grafana_model():
    dashboard = json.loads(json.dumps(build_dashboard()))

    assert dashboard["uid"] and dashboard["title"]
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids)) >= 5
    variables = {v["name"] for v in dashboard["templating"]["list"]}
    for p in dashboard["panels"]:
        assert p["datasource"]["uid"].strip("${}") in variables, "use the data source variable"
        assert p["fieldConfig"]["defaults"]["unit"], f"panel {p['title']!r} has no unit"
        assert p["targets"], f"panel {p['title']!r} has no query"
