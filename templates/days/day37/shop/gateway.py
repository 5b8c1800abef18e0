"""The public gateway: the shop's front door, where each order's trace begins.

Run it with: uvicorn shop.gateway:create_app --factory --port 8000
"""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from opentelemetry.sdk.trace import TracerProvider

from shop import downstream, telemetry
from shop.db import NewOrder


def create_app(
    provider: TracerProvider,
    orders_url: str = "http://127.0.0.1:8002",
    orders_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    tracer = provider.get_tracer("shop.gateway")
    app = FastAPI(title="shop gateway")
    telemetry.instrument(app, provider)

    @app.post("/api/orders")
    async def place_order(body: NewOrder) -> JSONResponse:
        async with httpx.AsyncClient(base_url=orders_url, transport=orders_transport) as http:
            try:
                answer = await downstream.send(
                    http, tracer, "POST", "/orders", "/orders", json=body.model_dump()
                )
            except httpx.TransportError:
                return JSONResponse({"detail": "orders service unreachable"}, status_code=502)
        return JSONResponse(answer.json(), status_code=answer.status_code)

    return app
