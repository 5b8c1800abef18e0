"""HTTP API: tenants upload plugins and run them; every run is audited.

    POST /api/plugins                 {"source": "<WAT text>"}  -> 201 {"plugin_id", "exports"}
    POST /api/plugins/{id}/score      {"relevance": int, "age_days": int}
                                      -> 200 {"score", "fuel_used"}, 422 when the plugin fails
    GET  /api/audit/verify            -> {"ok", "entries", "first_bad", "reason", "head"}

The tenant comes from the `X-Tenant-Id` header (the gateway sets it from the JWT in the full
system). A tenant sees only its own plugins: another tenant's plugin id is a 404.
"""

from __future__ import annotations

from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

from .audit import AuditLog
from .errors import PluginError, PluginRejected
from .host import Plugin, PluginHost


class Upload(BaseModel):
    source: str = Field(min_length=1, max_length=200_000)


class ScoreRequest(BaseModel):
    relevance: int = Field(ge=0, le=1000)
    age_days: int = Field(ge=0, le=100_000)


def create_app(host: PluginHost, audit: AuditLog) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud plugins")
    plugins: dict[tuple[str, str], Plugin] = {}  # (tenant, plugin id) -> plugin

    @app.post("/api/plugins", status_code=201)
    def upload(body: Upload, x_tenant_id: str = Header()) -> dict:
        try:
            plugin = host.load(body.source)
        except PluginRejected as err:
            audit.append(tenant=x_tenant_id, action="upload", outcome="rejected", detail=str(err))
            raise HTTPException(400, str(err)) from None
        plugins[(x_tenant_id, plugin.id)] = plugin
        audit.append(tenant=x_tenant_id, action="upload", outcome="ok", plugin=plugin.id)
        return {"plugin_id": plugin.id, "exports": list(plugin.exports)}

    @app.post("/api/plugins/{plugin_id}/score")
    def score(plugin_id: str, body: ScoreRequest, x_tenant_id: str = Header()) -> dict:
        # BEGIN SOLUTION
        plugin = plugins.get((x_tenant_id, plugin_id))
        if plugin is None:
            raise HTTPException(404, "no such plugin for this tenant")
        args = [body.relevance, body.age_days]
        try:
            run = host.call(plugin, "score", *args)
        except PluginError as err:
            audit.append(
                tenant=x_tenant_id,
                action="score",
                plugin=plugin_id,
                args=args,
                outcome=type(err).__name__,
                detail=str(err),
            )
            raise HTTPException(422, str(err)) from None
        audit.append(
            tenant=x_tenant_id,
            action="score",
            plugin=plugin_id,
            args=args,
            outcome="ok",
            result=run.result,
            fuel_used=run.fuel_used,
        )
        return {"score": run.result, "fuel_used": run.fuel_used}
        # STARTER: raise HTTPException(501, "TODO(day59): find the tenant's plugin, run, audit")
        # END SOLUTION

    @app.get("/api/audit/verify")
    def verify(expected_head: str | None = None) -> dict:
        result = audit.verify(expected_head)
        return {
            "ok": result.ok,
            "entries": result.entries,
            "first_bad": result.first_bad,
            "reason": result.reason,
            "head": audit.head(),
        }

    return app
