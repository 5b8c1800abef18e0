"""The agent's Prometheus metrics, on a registry of its own (one per test, no global state).

    agent_llm_calls_total{model}                  model calls made
    agent_llm_tokens_total{model,kind}            tokens used, kind = prompt | completion
    agent_llm_cost_dollars_total{model}           dollars spent (from recorded usage)
    agent_refusals_total{reason}                  tool calls refused, by reason
    agent_injections_detected_total               tool results that looked like an injection
    agent_runs_total{stop_reason}                 finished runs: answered | iterations | budget

`prometheus/agent.rules.yml` alerts on these; the names there and here must agree.
"""

from __future__ import annotations

from decimal import Decimal

from prometheus_client import CollectorRegistry, Counter, generate_latest


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.calls = Counter("agent_llm_calls", "Model calls made", ["model"], registry=r)
        self.tokens = Counter("agent_llm_tokens", "Tokens used", ["model", "kind"], registry=r)
        self.cost = Counter("agent_llm_cost_dollars", "Dollars spent", ["model"], registry=r)
        self.refusals = Counter("agent_refusals", "Tool calls refused", ["reason"], registry=r)
        self.injections = Counter(
            "agent_injections_detected", "Tool results that looked like an injection", registry=r
        )
        self.runs = Counter("agent_runs", "Finished runs", ["stop_reason"], registry=r)

    def llm_call(self, model: str, prompt: int, completion: int, cost: Decimal) -> None:
        self.calls.labels(model).inc()
        self.tokens.labels(model, "prompt").inc(prompt)
        self.tokens.labels(model, "completion").inc(completion)
        # Prometheus values are floats: fine for a dashboard; the audit log keeps the Decimal.
        self.cost.labels(model).inc(float(cost))

    def value(self, name: str, **labels: str) -> float:
        return self.registry.get_sample_value(name, labels) or 0.0

    def exposition(self) -> str:
        return generate_latest(self.registry).decode()
