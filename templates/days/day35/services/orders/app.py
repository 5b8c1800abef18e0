"""The Orders service. It knows users only through the Users service's HTTP API.

Since day 35 an order moves through its lifecycle with POST /orders/{id}/pay, /ship and /cancel.

Run it with:
    USERS_URL=http://127.0.0.1:8001 uvicorn services.orders.app:create_app --factory --port 8002
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from services.orders import lifecycle, users_client
from services.orders.store import NewOrder, Order, OrderStore


def create_app(
    users: users_client.UsersClient | None = None, store: OrderStore | None = None
) -> FastAPI:
    users = users if users is not None else users_client.UsersClient.from_env()
    store = store if store is not None else OrderStore()
    app = FastAPI(title="orders service")
    app.state.store = store

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/orders", status_code=201)
    async def create_order(body: NewOrder) -> Order:
        try:
            user = await users.get_user(body.user_id)
        except users_client.UsersUnavailable as exc:
            raise HTTPException(503, detail="users service unavailable, try again later") from exc
        if user is None:
            raise HTTPException(422, detail=f"user {body.user_id} does not exist")
        return store.add(body)

    @app.get("/orders/{order_id}")
    def get_order(order_id: int) -> Order:
        order = store.get(order_id)
        if order is None:
            raise HTTPException(404, detail=f"order {order_id} not found")
        return order

    @app.get("/orders")
    def list_orders(user_id: int) -> list[Order]:
        return store.for_user(user_id)

    @app.post("/orders/{order_id}/{action}")
    def change_status(order_id: int, action: lifecycle.Action) -> Order:
        order = store.get(order_id)
        if order is None:
            raise HTTPException(404, detail=f"order {order_id} not found")
        try:
            status = lifecycle.next_status(order.status, action)
        except lifecycle.TransitionRefused as exc:
            raise HTTPException(409, detail=str(exc)) from exc
        return store.set_status(order_id, status)

    return app
