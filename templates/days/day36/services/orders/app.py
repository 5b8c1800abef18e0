"""The Orders service. It knows users only through the Users service's HTTP API.

Since day 36 it writes JSON logs and passes the request id on to the Users service.

Run it with:
    USERS_URL=http://127.0.0.1:8001 uvicorn services.orders.app:create_app --factory --port 8002
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI, HTTPException

from observability.logs import build_logger
from observability.middleware import Clock, instrument
from services.orders import users_client
from services.orders.store import NewOrder, Order, OrderStore
from services.orders.traced_users_client import TracedUsersClient


def create_app(
    users: users_client.UsersClient | None = None,
    store: OrderStore | None = None,
    log: Any = None,
    clock: Clock = time.perf_counter,
) -> FastAPI:
    users = users if users is not None else TracedUsersClient.from_env()
    store = store if store is not None else OrderStore()
    log = log if log is not None else build_logger("orders")
    app = FastAPI(title="orders service")
    app.state.store = store
    instrument(app, log, clock)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/orders", status_code=201)
    async def create_order(body: NewOrder) -> Order:
        log.info("checking user", user_id=body.user_id)
        try:
            user = await users.get_user(body.user_id)
        except users_client.UsersUnavailable as exc:
            log.warning("users service unavailable", error=str(exc))
            raise HTTPException(503, detail="users service unavailable, try again later") from exc
        if user is None:
            raise HTTPException(422, detail=f"user {body.user_id} does not exist")
        order = store.add(body)
        log.info("order placed", order_id=order.id, total_cents=order.total_cents)
        return order

    @app.get("/orders/{order_id}")
    def get_order(order_id: int) -> Order:
        order = store.get(order_id)
        if order is None:
            raise HTTPException(404, detail=f"order {order_id} not found")
        return order

    @app.get("/orders")
    def list_orders(user_id: int) -> list[Order]:
        return store.for_user(user_id)

    return app
