"""Against the real Prometheus and Grafana of compose.yaml (BEC_LIVE=1, see the lab sheet)."""

from __future__ import annotations

import os

import httpx
import pytest

pytestmark = pytest.mark.live

PROMETHEUS = os.environ.get("PROMETHEUS_URL", "http://127.0.0.1:9090")
GRAFANA = os.environ.get("GRAFANA_URL", "http://127.0.0.1:3000")


def test_prometheus_loaded_the_alerts_and_scrapes_the_exporter():
    groups = httpx.get(f"{PROMETHEUS}/api/v1/rules", timeout=5).json()["data"]["groups"]
    loaded = {r["name"] for g in groups for r in g["rules"] if r["type"] == "alerting"}
    assert {"KCIndexingQueueLagHigh", "KCErrorBudgetFastBurn", "KCLLMSpendHigh"} <= loaded

    answer = httpx.get(
        f"{PROMETHEUS}/api/v1/query",
        params={"query": 'sum(kc_llm_tokens_total{job="knowledgecloud"})'},
        timeout=5,
    ).json()
    assert answer["data"]["result"], "no tokens scraped: is the demo exporter running?"


def test_grafana_serves_the_generated_dashboard():
    auth = (os.environ.get("GRAFANA_ADMIN_USER", "admin"), os.environ["GRAFANA_ADMIN_PASSWORD"])
    answer = httpx.get(
        f"{GRAFANA}/api/dashboards/uid/knowledgecloud-production", auth=auth, timeout=5
    )
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["dashboard"]["panels"]) >= 5
