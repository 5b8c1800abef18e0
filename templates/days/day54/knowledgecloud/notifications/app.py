"""The notifications service's HTTP API (identity headers set by the gateway)."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header, HTTPException

from knowledgecloud.notifications.service import Notifications


def create_app(notifications: Notifications) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud notifications")

    @app.get("/api/notifications")
    def inbox(
        x_tenant_id: Annotated[str | None, Header()] = None,
        x_user_id: Annotated[str | None, Header()] = None,
    ) -> dict:
        if not x_tenant_id or not x_user_id:
            raise HTTPException(401, "missing identity: call through the gateway with a token")
        return {"notifications": notifications.inbox(x_tenant_id, x_user_id)}

    return app
