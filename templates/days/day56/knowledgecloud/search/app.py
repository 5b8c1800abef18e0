"""The search service's HTTP face, as deployed today: health probes and ranked search.

The index is a port: day 53's indexing service provides the real one; tests and local runs pass
an in-memory list of hits. The flag client is injected too, so a test picks the provider."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI, Header, Query, Request, Response
from openfeature.client import OpenFeatureClient
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, generate_latest

from knowledgecloud.search.flags import client_for, in_memory_provider, rank
from knowledgecloud.search.ranking import Hit

Index = Callable[[str, str], list[Hit]]  # (tenant_id, query) -> candidate hits


def empty_index(tenant_id: str, query: str) -> list[Hit]:
    return []


def create_app(index: Index = empty_index, flags: OpenFeatureClient | None = None) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud search")
    client = flags if flags is not None else client_for(in_memory_provider(set()))
    # What the canary analysis measures: requests by status code. Prometheus adds the
    # `service` label (search-stable or search-canary) when it scrapes through the Services.
    registry = CollectorRegistry()
    requests = Counter(
        "http_requests", "HTTP requests answered", ["method", "code"], registry=registry
    )

    @app.middleware("http")
    async def count_requests(request: Request, call_next):
        response = await call_next(request)
        if request.url.path != "/metrics":
            requests.labels(request.method, str(response.status_code)).inc()
        return response

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/api/search")
    def search(
        q: str = Query(min_length=1),
        tenant_id: str = Header(alias="X-Tenant-Id"),
        user_id: str = Header(alias="X-User-Id"),
    ) -> dict:
        order = rank(client, index(tenant_id, q), tenant_id, user_id)
        return {"results": [{"chunk_id": c} for c in order]}

    return app
