"""KnowledgeCloud's production dashboard, written as code.

    python -m knowledgecloud.observability.dashboard > grafana/dashboards/knowledgecloud.json

A dashboard kept as JSON exported from the UI is 1,000 lines nobody reviews, and a renamed metric
leaves a panel silently empty. Built by code, it is a short list of queries that the tests check
against the series the services really export.
"""

from __future__ import annotations

import json
import sys

DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
RATE = "[$__rate_interval]"  # Grafana picks a window of at least four scrapes


def panel(title: str, unit: str, exprs: dict[str, str], description: str = "") -> dict:
    """A time-series panel; `exprs` maps each line's legend to its PromQL query."""
    return {
        "type": "timeseries",
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [
            {"refId": chr(ord("A") + i), "datasource": DATASOURCE, "expr": e, "legendFormat": leg}
            for i, (leg, e) in enumerate(exprs.items())
        ],
    }


def panels() -> list[dict]:
    """Tokens, spend, queue lag, backlog, error ratio and latency, in that order."""
    # BEGIN SOLUTION
    return [
        panel(
            "LLM tokens per minute, by model",
            "short",
            {
                "{{model}} {{kind}}": "sum by (model, kind) "
                f'(rate(kc_llm_tokens_total{{job="knowledgecloud"}}{RATE})) * 60'
            },
            "Prompt and completion tokens apart: completions cost several times more.",
        ),
        panel(
            "LLM spend per hour, by tenant",
            "currencyUSD",
            {
                "{{tenant}}": "sum by (tenant) "
                f'(rate(kc_llm_cost_dollars_total{{job="knowledgecloud"}}{RATE})) * 3600',
                "total (1h average)": 'job:kc_llm_cost_dollars:rate1h{job="knowledgecloud"} * 3600',
            },
            "Dollars per hour from the price table. The alert fires above 20 per hour.",
        ),
        panel(
            "Indexing queue lag",
            "s",
            {"oldest waiting event": 'max(kc_indexing_queue_lag_seconds{job="knowledgecloud"})'},
            "How long the oldest document.uploaded event has waited. Pages above 5 minutes.",
        ),
        panel(
            "Indexing backlog",
            "short",
            {"waiting events": 'sum(kc_indexing_backlog_events{job="knowledgecloud"})'},
            "How many uploads wait for indexing. A high backlog with a low lag is a bulk import.",
        ),
        panel(
            "Error ratio (5xx), by service",
            "percentunit",
            {
                "{{service}}": "sum by (service) (rate(kc_http_requests_total"
                f'{{job="knowledgecloud",status_class="5xx"}}{RATE}))'
                " / sum by (service) "
                f'(rate(kc_http_requests_total{{job="knowledgecloud"}}{RATE}))',
                "burn rate 1h (SLO 99.9%)": 'job:kc_http_errors:ratio_rate1h{job="knowledgecloud"}'
                " / 0.001",
            },
            "Share of requests answered with a server error; the burn rate pages above 14.4.",
        ),
        panel(
            "Latency p95, by service",
            "s",
            {
                "{{service}}": "histogram_quantile(0.95, sum by (service, le) "
                f'(rate(kc_http_request_duration_seconds_bucket{{job="knowledgecloud"}}{RATE})))'
            },
            "Estimated from the histogram's buckets; the search objective is 800 ms.",
        ),
    ]
    # STARTER: raise NotImplementedError("TODO(day57): panels for tokens, spend, lag, backlog...")
    # END SOLUTION


def build_dashboard() -> dict:
    """The whole dashboard: the panels two per row, and a Prometheus data source picker."""
    laid_out = [
        {**p, "id": i + 1, "gridPos": {"h": 8, "w": 12, "x": 12 * (i % 2), "y": 8 * (i // 2)}}
        for i, p in enumerate(panels())
    ]
    return {
        "uid": "knowledgecloud-production",
        "title": "KnowledgeCloud: tokens, queue, errors",
        "tags": ["knowledgecloud", "day57"],
        "timezone": "utc",
        "schemaVersion": 39,
        "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {
            "list": [
                {
                    "name": "datasource",
                    "type": "datasource",
                    "query": "prometheus",
                    "label": "Data source",
                }
            ]
        },
        "panels": laid_out,
    }


if __name__ == "__main__":
    json.dump(build_dashboard(), sys.stdout, indent=2)
    sys.stdout.write("\n")
