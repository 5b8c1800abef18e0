"""The search service's HTTP API: ``GET /api/search?q=...&k=5`` and ``GET /api/search/answer?q=``.

The caller's tenant comes from the gateway (``X-Tenant-Id``), as for the documents service.
Every result is a citation: the document, the chunk, the page (null where the format has no
pages) and the chunk's text, so an answer built on it can point at its source.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header, HTTPException, Query, status

from knowledgecloud.documents.objects import TENANT_ID
from knowledgecloud.search.answer import Answerer
from knowledgecloud.search.hybrid import HybridSearch


def tenant_of(x_tenant_id: str | None) -> str:
    if not x_tenant_id or not TENANT_ID.fullmatch(x_tenant_id):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "X-Tenant-Id is required")
    return x_tenant_id


def create_app(search: HybridSearch, answerer: Answerer | None = None) -> FastAPI:
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
        results = search.search(tenant_of(x_tenant_id), q, k)
        return {"query": q, "results": [result.citation() for result in results]}

    @app.get("/api/search/answer")
    def answer(
        q: Annotated[str, Query(min_length=1, max_length=500)],
        x_tenant_id: Annotated[str | None, Header()] = None,
    ) -> dict:
        tenant_id = tenant_of(x_tenant_id)
        if answerer is None:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "no LLM configured (LLM_MODEL)"
            )
        return {"query": q, **answerer.answer(tenant_id, q).public()}

    return app
