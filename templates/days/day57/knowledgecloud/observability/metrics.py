"""KnowledgeCloud's Prometheus metrics: LLM tokens and cost, indexing queue, HTTP RED.

Every label value comes from a small, fixed set:

* `service` is one of the seven services, `model` one of the models the platform pays for;
* `tenant` is a tenant id the platform knows (from the auth service's tenant directory), or
  `other`. Never the raw value of a header or a token claim: whoever sends a request would then
  decide how many series Prometheus stores;
* never a user id, a document id, a question or a path: those belong in logs and traces.

Money is exact (Decimal) in the accounting of day 41; a Prometheus sample is a float, which is
fine for a chart and an alert threshold, not for an invoice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from knowledgecloud.indexing.queue import IndexingQueue

SERVICES = ("gateway", "auth", "documents", "indexing", "search", "agent", "notifications")
OTHER = "other"  # the label value of every tenant, model or service outside the known set
# Seconds. Around the search objective (p95 under 800 ms).
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 0.8, 1.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class LLMCall:
    """One call to the provider, as the agent and search services record it."""

    service: str
    tenant_id: str
    user_id: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost: Decimal  # dollars, from the price table


class BoundedLabel:
    """Maps a raw value to itself when it is in `known`, else to OTHER: a fixed set of values."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)

    def __call__(self, value: str) -> str:
        # BEGIN SOLUTION
        return value if value in self.known else OTHER
        # STARTER: raise NotImplementedError("TODO(day57): the value if known, else OTHER")
        # END SOLUTION


def status_class(status_code: int) -> str:
    return f"{status_code // 100}xx"


class KCMetrics:
    """The platform's metrics, in `registry` (tests give each instance its own)."""

    def __init__(
        self,
        registry: CollectorRegistry,
        *,
        tenants: Iterable[str],
        models: Iterable[str],
    ) -> None:
        self.registry = registry
        self.tenant = BoundedLabel(tenants)
        self.model = BoundedLabel(models)
        self.service = BoundedLabel(SERVICES)
        # BEGIN SOLUTION
        self.llm_tokens = Counter(
            "kc_llm_tokens",
            "Tokens sent to (prompt) and received from (completion) the LLM provider.",
            ["service", "model", "tenant", "kind"],
            registry=registry,
        )
        self.llm_cost = Counter(
            "kc_llm_cost_dollars",
            "What the LLM calls cost, in dollars, from the price table.",
            ["service", "model", "tenant"],
            registry=registry,
        )
        self.http_requests = Counter(
            "kc_http_requests",
            "HTTP requests served, by service, route template, method and status class.",
            ["service", "route", "method", "status_class"],
            registry=registry,
        )
        self.http_duration = Histogram(
            "kc_http_request_duration_seconds",
            "Time to serve an HTTP request, by service and route template.",
            ["service", "route"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.indexing_backlog = Gauge(
            "kc_indexing_backlog_events",
            "document.uploaded events waiting for the indexing workers.",
            registry=registry,
        )
        self.indexing_lag = Gauge(
            "kc_indexing_queue_lag_seconds",
            "How long the oldest waiting document.uploaded event has waited.",
            registry=registry,
        )
        # STARTER: # TODO(day57): counters kc_llm_tokens (service, model, tenant, kind) and
        # STARTER: # kc_llm_cost_dollars (service, model, tenant); kc_http_requests (service, route,
        # STARTER: # method, status_class) and the histogram kc_http_request_duration_seconds
        # STARTER: # (service, route; LATENCY_BUCKETS); gauges kc_indexing_backlog_events and
        # STARTER: # kc_indexing_queue_lag_seconds. All with registry=registry.
        # STARTER: self.llm_tokens = self.llm_cost = self.http_requests = self.http_duration = None
        # STARTER: self.indexing_backlog = self.indexing_lag = None
        # END SOLUTION

    def record_llm_call(self, call: LLMCall) -> None:
        """Count the tokens (prompt and completion apart) and the cost of one provider call."""
        # BEGIN SOLUTION
        service, model, tenant = (
            self.service(call.service),
            self.model(call.model),
            self.tenant(call.tenant_id),
        )
        self.llm_tokens.labels(service, model, tenant, "prompt").inc(call.prompt_tokens)
        self.llm_tokens.labels(service, model, tenant, "completion").inc(call.completion_tokens)
        self.llm_cost.labels(service, model, tenant).inc(float(call.cost))
        # STARTER: raise NotImplementedError("TODO(day57): count tokens and cost, bounded labels")
        # END SOLUTION

    def observe_request(
        self, service: str, route: str, method: str, status_code: int, seconds: float
    ) -> None:
        """Count one served request (`route` is the route template) and record its latency."""
        # BEGIN SOLUTION
        service = self.service(service)
        self.http_requests.labels(service, route, method, status_class(status_code)).inc()
        self.http_duration.labels(service, route).observe(seconds)
        # STARTER: raise NotImplementedError("TODO(day57): count the request, observe its latency")
        # END SOLUTION

    def watch_queue(self, queue: IndexingQueue) -> None:
        """Make the two indexing gauges read `queue` at every scrape (no stale values)."""
        # BEGIN SOLUTION
        self.indexing_backlog.set_function(queue.backlog)
        self.indexing_lag.set_function(queue.lag_seconds)
        # STARTER: raise NotImplementedError("TODO(day57): gauges reading the queue at each scrape")
        # END SOLUTION

    def exposition(self) -> str:
        """What /metrics serves: the text format Prometheus scrapes."""
        return generate_latest(self.registry).decode()
