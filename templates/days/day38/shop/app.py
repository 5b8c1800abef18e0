"""The shop (users and orders in one service for today), exposing /metrics for Prometheus.

Run it with: uvicorn shop.app:create_app --factory --port 8000
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from fastapi import FastAPI, HTTPException, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from pydantic import BaseModel, Field

from shop.metrics import ShopMetrics, instrument


class NewOrder(BaseModel):
    user_id: int
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)


class Order(NewOrder):
    id: int


class OrderStore:
    """In memory for the lab; a database in production (and a place where things fail)."""

    def __init__(self) -> None:
        self.orders: dict[int, Order] = {}
        self._ids = itertools.count(1)

    def add(self, new: NewOrder) -> Order:
        order = Order(id=next(self._ids), **new.model_dump())
        self.orders[order.id] = order
        return order


def create_app(
    registry: CollectorRegistry | None = None,
    store: OrderStore | None = None,
    users: dict[int, str] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> FastAPI:
    registry = registry if registry is not None else CollectorRegistry()
    store = store if store is not None else OrderStore()
    users = users if users is not None else {1: "Ada", 2: "Grace", 3: "Edsger"}
    metrics = ShopMetrics(registry)
    app = FastAPI(title="shop")
    instrument(app, metrics, clock)

    @app.get("/metrics")
    def scrape() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> dict[str, object]:
        if user_id not in users:
            raise HTTPException(404, detail=f"user {user_id} not found")
        return {"id": user_id, "name": users[user_id]}

    @app.post("/orders", status_code=201)
    def place_order(body: NewOrder) -> Order:
        if body.user_id not in users:
            raise HTTPException(422, detail=f"user {body.user_id} does not exist")
        order = store.add(body)
        # BEGIN SOLUTION
        metrics.orders_placed.inc()
        # STARTER: # TODO(day38): count the order placed (only once it is stored)
        # END SOLUTION
        return order

    @app.get("/orders/{order_id}")
    def get_order(order_id: int) -> Order:
        if order_id not in store.orders:
            raise HTTPException(404, detail=f"order {order_id} not found")
        return store.orders[order_id]

    return app
