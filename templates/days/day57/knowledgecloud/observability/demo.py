"""A demo exporter for the live lab: simulated KnowledgeCloud traffic on port 8000.

    python -m knowledgecloud.observability.demo

Prometheus (compose.yaml) scrapes it. Every second it records a few LLM calls, HTTP requests
(about 1% of them server errors) and uploads; the indexing workers keep up until you press
Ctrl-C... or set STALL_INDEXING=1 to watch the queue lag grow and the alert fire.
"""

from __future__ import annotations

import os
import random
import time
from decimal import Decimal

from prometheus_client import CollectorRegistry, start_http_server

from knowledgecloud.documents.events import document_uploaded
from knowledgecloud.indexing.queue import IndexingQueue
from knowledgecloud.observability.metrics import KCMetrics, LLMCall

TENANTS = ("acme", "globex", "initech")
MODELS = ("gpt-4o-mini", "gpt-4o")


def main() -> None:
    registry = CollectorRegistry()
    metrics = KCMetrics(registry, tenants=TENANTS, models=MODELS)
    queue = IndexingQueue()
    metrics.watch_queue(queue)
    port, host = int(os.environ.get("PORT", "8000")), os.environ.get("HOST", "0.0.0.0")
    start_http_server(port, addr=host, registry=registry)
    stall = os.environ.get("STALL_INDEXING") == "1"
    rng = random.Random(57)
    n = 0
    while True:
        n += 1
        tenant = rng.choice(TENANTS)
        model = rng.choice(MODELS)
        prompt, completion = rng.randint(300, 1500), rng.randint(50, 400)
        cost = Decimal("0.0000025") * prompt + Decimal("0.00001") * completion
        metrics.record_llm_call(
            LLMCall("agent", tenant, f"user-{n}", model, prompt, completion, cost)
        )
        status = 500 if rng.random() < 0.01 else 200
        metrics.observe_request("search", "/api/search", "GET", status, rng.uniform(0.05, 0.9))
        queue.deliver(document_uploaded(tenant, f"doc-{n}"))
        if not stall:
            queue.take()
        time.sleep(1)  # a demo loop, not a test: it paces the simulated traffic


if __name__ == "__main__":
    main()
