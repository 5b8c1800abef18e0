"""The search service's HTTP API: ``GET /api/search?q=...&k=5``.

The caller's tenant comes from the gateway (``X-Tenant-Id``), as for the documents service.
Every result is a citation: the document, the chunk, the page (null where the format has no
pages) and the chunk's text, so an answer built on it can point at its source.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header, HTTPException, Query, status

from knowledgecloud.documents.objects import TENANT_ID
from knowledgecloud.search.hybrid import HybridSearch


def create_app(search: HybridSearch) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud search")

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.get("/api/search")
    def find(
        q: Annotated[str, Query(min_length=1, max_length=500)],
        x_tenant_id: Annotated[str | None, Header()] = None,
        k: Annotated[int, Query(ge=1, le=20)] = 5,
    ) -> dict:
        if not x_tenant_id or not TENANT_ID.fullmatch(x_tenant_id):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "X-Tenant-Id is required")
        results = search.search(x_tenant_id, q, k)
        return {"query": q, "results": [result.citation() for result in results]}

    return app
