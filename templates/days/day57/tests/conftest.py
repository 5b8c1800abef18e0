"""Helpers: KnowledgeCloud's metrics in a registry of their own, a fake clock, /metrics parsing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal

import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from knowledgecloud.documents.events import document_uploaded
from knowledgecloud.indexing.queue import IndexingQueue
from knowledgecloud.observability.metrics import KCMetrics, LLMCall

TENANTS = ("acme", "globex")
MODELS = ("gpt-4o-mini", "gpt-4o")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Sample:
    name: str
    labels: dict[str, str]
    value: float


class KC:
    """The metrics of one KnowledgeCloud process, as Prometheus would scrape them."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.queue = IndexingQueue(clock=self.clock)
        self.metrics = KCMetrics(CollectorRegistry(), tenants=TENANTS, models=MODELS)

    def families(self) -> dict[str, object]:
        return {f.name: f for f in text_string_to_metric_families(self.metrics.exposition())}

    def scrape(self) -> list[Sample]:
        return [
            Sample(s.name, dict(s.labels), s.value)
            for family in self.families().values()
            for s in family.samples
        ]

    def value(self, name: str, **labels: str) -> float:
        matching = [
            s.value
            for s in self.scrape()
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
        ]
        assert matching, f"no sample {name}{labels} in /metrics"
        return sum(matching)


def llm_call(
    tenant_id: str = "acme",
    user_id: str = "user-1",
    model: str = "gpt-4o-mini",
    prompt_tokens: int = 1200,
    completion_tokens: int = 300,
    cost: str = "0.00036",
    service: str = "agent",
) -> LLMCall:
    return LLMCall(
        service, tenant_id, user_id, model, prompt_tokens, completion_tokens, Decimal(cost)
    )


def exercised_kc() -> KC:
    """Metrics that have seen a bit of everything, for tests that need every series to exist."""
    kc = KC()
    kc.metrics.watch_queue(kc.queue)
    kc.metrics.record_llm_call(llm_call())
    kc.metrics.observe_request("search", "/api/search", "GET", 200, 0.2)
    kc.metrics.observe_request("documents", "/api/documents", "POST", 503, 1.2)
    kc.queue.deliver(document_uploaded("acme", "doc-1"))
    return kc
