"""Day 23's addition to the Orders service: read many orders in one request.

    GET /orders:batchGet?id=7&id=2       ->  the orders with these ids
    GET /orders:search?user_id=3&user_id=1  ->  every order of these users

Both answer in order id order and leave out what does not exist (see services/users/batch.py).

Run it with:
    USERS_URL=http://127.0.0.1:8001 uvicorn services.orders.batch:create_app --factory --port 8002
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query

from services.orders.app import create_app as create_orders_app
from services.orders.store import Order, OrderStore
from services.orders.users_client import UsersClient

MAX_BATCH = 100
Ids = Annotated[list[int], Query(min_length=1, max_length=MAX_BATCH)]


def create_app(users: UsersClient | None = None, store: OrderStore | None = None) -> FastAPI:
    app = create_orders_app(users=users, store=store)
    orders: OrderStore = app.state.store

    @app.get("/orders:batchGet")
    def batch_get(id: Ids) -> list[Order]:
        found = (orders.get(order_id) for order_id in sorted(set(id)))
        return [order for order in found if order is not None]

    @app.get("/orders:search")
    def search(user_id: Ids) -> list[Order]:
        wanted = set(user_id)
        rows = [order for uid in wanted for order in orders.for_user(uid)]
        return sorted(rows, key=lambda order: order.id)

    return app
