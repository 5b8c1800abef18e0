"""The Users service: owns user records. The last hop of an order's trace.

Run it with: uvicorn shop.users:create_app --factory --port 8001
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from opentelemetry.sdk.trace import TracerProvider
from pydantic import BaseModel

from shop import telemetry


class User(BaseModel):
    id: int
    name: str


def create_app(provider: TracerProvider, users: dict[int, str] | None = None) -> FastAPI:
    users = users if users is not None else {1: "Ada", 2: "Grace"}
    app = FastAPI(title="users service")
    telemetry.instrument(app, provider)

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> User:
        if user_id not in users:
            raise HTTPException(404, detail=f"user {user_id} not found")
        return User(id=user_id, name=users[user_id])

    return app
