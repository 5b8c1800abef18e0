"""The shop's Grafana dashboard, written as code: `python -m shop.dashboard > shop.json`.

Generating the JSON keeps it reviewable (a diff of queries, not of 500 lines of layout) and lets
the tests check every query against the metrics the app really exports.
"""

from __future__ import annotations

import json
import sys

DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}


def panel(title: str, unit: str, exprs: dict[str, str], description: str = "") -> dict:
    """A time-series panel; `exprs` maps each line's legend to its PromQL query."""
    return {
        "type": "timeseries",
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [
            {
                "refId": chr(ord("A") + i),
                "datasource": DATASOURCE,
                "expr": expr,
                "legendFormat": leg,
            }
            for i, (leg, expr) in enumerate(exprs.items())
        ],
    }


def panels() -> list[dict]:
    """Throughput, errors, latency (the RED method), the SLO's burn rate and orders placed."""
    # BEGIN SOLUTION
    rate_window = "[$__rate_interval]"  # Grafana picks a window of at least 4 scrapes
    return [
        panel(
            "Throughput",
            "reqps",
            {
                "{{route}}": "sum by (route) "
                f'(rate(shop_http_requests_total{{job="shop"}}{rate_window}))'
            },
            "Requests per second, by route template.",
        ),
        panel(
            "Error ratio (5xx)",
            "percentunit",
            {
                "{{route}}": "sum by (route) (rate(shop_http_requests_total"
                f'{{job="shop",status_class="5xx"}}{rate_window}))'
                " / sum by (route) "
                f'(rate(shop_http_requests_total{{job="shop"}}{rate_window}))'
            },
            "Share of requests answered with a server error, by route template.",
        ),
        panel(
            "Latency p50 / p95 / p99",
            "s",
            {
                f"p{q} {{{{route}}}}": f"histogram_quantile(0.{q}, sum by (route, le) "
                f'(rate(shop_http_request_duration_seconds_bucket{{job="shop"}}{rate_window})))'
                for q in (50, 95, 99)
            },
            "Quantiles estimated from the histogram buckets, by route template.",
        ),
        panel(
            "Error budget burn rate (SLO 99.9%)",
            "none",
            {
                "1h": 'job:shop_http_errors:ratio_rate1h{job="shop"} / 0.001',
                "6h": 'job:shop_http_errors:ratio_rate6h{job="shop"} / 0.001',
            },
            "1 spends the 30-day budget in exactly 30 days; the page fires above 14.4.",
        ),
        panel(
            "Orders placed per minute",
            "none",
            {"orders": f'sum(rate(shop_orders_placed_total{{job="shop"}}{rate_window})) * 60'},
            "The business signal: a drop with no errors is still an incident.",
        ),
    ]
    # STARTER: raise NotImplementedError("TODO(day38): panels for throughput, errors, latency...")
    # END SOLUTION


def build_dashboard() -> dict:
    """The whole dashboard: the panels laid out two per row, and a Prometheus data source picker."""
    laid_out = []
    for i, p in enumerate(panels()):
        laid_out.append(
            {**p, "id": i + 1, "gridPos": {"h": 8, "w": 12, "x": 12 * (i % 2), "y": 8 * (i // 2)}}
        )
    return {
        "uid": "shop-red",
        "title": "Shop: requests, errors, latency",
        "tags": ["shop", "day38"],
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
