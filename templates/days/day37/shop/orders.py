"""The Orders service: checks the user with the Users service, then stores the order.

Run it with: uvicorn shop.orders:create_app --factory --port 8002
"""

from __future__ import annotations

import httpx
from fastapi import FastAPI, HTTPException
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import SpanKind

from shop import downstream, telemetry
from shop.db import NewOrder, Order, OrderStore


def create_app(
    provider: TracerProvider,
    users_url: str = "http://127.0.0.1:8001",
    users_transport: httpx.AsyncBaseTransport | None = None,
    store: OrderStore | None = None,
) -> FastAPI:
    store = store if store is not None else OrderStore()
    tracer = provider.get_tracer("shop.orders")
    app = FastAPI(title="orders service")
    telemetry.instrument(app, provider)

    @app.post("/orders", status_code=201)
    async def place_order(body: NewOrder) -> Order:
        # BEGIN SOLUTION
        # The server span is the current span here. The user id goes on it as an attribute:
        # searchable in Jaeger ("user.id=42"), while the span name stays the same for everyone.
        trace.get_current_span().set_attribute("user.id", body.user_id)
        # STARTER: # TODO(day37): put the user id on the current (server) span as an attribute
        # END SOLUTION
        async with httpx.AsyncClient(base_url=users_url, transport=users_transport) as http:
            try:
                answer = await downstream.send(
                    http, tracer, "GET", "/users/{user_id}", f"/users/{body.user_id}"
                )
            except httpx.TransportError as exc:
                raise HTTPException(503, detail="users service unreachable") from exc
        if answer.status_code == 404:
            raise HTTPException(422, detail=f"user {body.user_id} does not exist")
        if answer.status_code != 200:
            raise HTTPException(503, detail="users service unavailable")
        # BEGIN SOLUTION
        with tracer.start_as_current_span(
            "INSERT orders",
            kind=SpanKind.CLIENT,
            attributes={
                "db.system.name": "sqlite",
                "db.operation.name": "INSERT",
                "db.collection.name": "orders",
                "user.id": body.user_id,
            },
        ) as span:
            order = store.add(body)
            span.set_attribute("order.id", order.id)
        return order
        # STARTER: # TODO(day37): a span of its own around the database work
        # STARTER: return store.add(body)
        # END SOLUTION

    return app
