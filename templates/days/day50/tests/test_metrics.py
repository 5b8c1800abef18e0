import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from fakellm import ToolCall
from shop.metrics import Metrics
from shop.tiering import LARGE, SMALL

RULES = Path(__file__).parent.parent / "prometheus" / "agent.rules.yml"


def test_metrics_agree_with_the_audit_log(make_agent, llm, metrics, events):
    llm.when(lambda b: b["model"] == SMALL, ToolCall("lookup_order", {"order_id": 8}), times=1)
    llm.when(lambda b: b["model"] == SMALL, "ESCALATE")
    llm.when(lambda b: b["model"] == LARGE, "Order 8 shipped; a refund is not due.")

    make_agent().run("Order 8 is late, do I get a refund?")

    calls = [e for e in events() if e["type"] == "llm_call"]
    assert [c["model"] for c in calls] == [SMALL, SMALL, LARGE]
    for model in (SMALL, LARGE):
        mine = [c for c in calls if c["model"] == model]
        assert metrics.value("agent_llm_calls_total", model=model) == len(mine)
        assert metrics.value("agent_llm_tokens_total", model=model, kind="prompt") == sum(
            c["prompt_tokens"] for c in mine
        )
        assert metrics.value("agent_llm_tokens_total", model=model, kind="completion") == sum(
            c["completion_tokens"] for c in mine
        )
        spent = sum(Decimal(c["cost"]) for c in mine)
        assert metrics.value("agent_llm_cost_dollars_total", model=model) == pytest.approx(
            float(spent)
        )
    assert metrics.value("agent_runs_total", stop_reason="answered") == 1
    assert "agent_llm_cost_dollars_total" in metrics.exposition()


def exported_names() -> set[str]:
    return {f"{family.name}_total" for family in Metrics().registry.collect()}


def rules() -> list[dict]:
    groups = yaml.safe_load(RULES.read_text())["groups"] or []
    return [rule for group in groups for rule in group["rules"]]


def test_alert_rules_cover_budget_burn_and_refusal_spikes():
    alerts = {r["alert"]: r for r in rules() if "alert" in r}
    assert {"AgentBudgetBurn", "AgentRefusalSpike"} <= set(alerts)
    assert all(r.get("labels", {}).get("severity") for r in alerts.values())


def test_alert_rules_use_the_metrics_the_agent_exports():
    recorded = {r["record"]: r["expr"] for r in rules() if "record" in r}

    def raw_metrics(expr: str) -> set[str]:
        found = set(re.findall(r"\bagent_[a-z_]+_total\b", expr))
        for name, body in recorded.items():
            if name in expr:
                found |= raw_metrics(body)
        return found

    alerts = {r["alert"]: raw_metrics(r["expr"]) for r in rules() if "alert" in r}
    assert "agent_llm_cost_dollars_total" in alerts.get("AgentBudgetBurn", set())
    assert "agent_refusals_total" in alerts.get("AgentRefusalSpike", set())
    used = set().union(*alerts.values()) if alerts else set()
    assert used and used <= exported_names()
