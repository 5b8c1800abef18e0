"""The starting point: users and orders in one process sharing one store.

It works, and for a small team it may be the right design. Notice `create_order`: it reads the
users table directly. That single line is what today's split has to replace with a contract.

Run it with: uvicorn monolith.app:create_app --factory --port 8000
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)


class User(NewUser):
    id: int


class OrderItem(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)
    unit_price_cents: int = Field(ge=0)


class NewOrder(BaseModel):
    user_id: int
    items: list[OrderItem] = Field(min_length=1)


class Order(NewOrder):
    id: int
    total_cents: int


@dataclass
class SharedDatabase:
    """Both features read and write these dictionaries: that is the coupling."""

    users: dict[int, User] = field(default_factory=dict)
    orders: dict[int, Order] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))


def create_app(db: SharedDatabase | None = None) -> FastAPI:
    db = db if db is not None else SharedDatabase()
    app = FastAPI(title="shop monolith")

    @app.post("/users", status_code=201)
    def create_user(body: NewUser) -> User:
        if any(user.email == body.email for user in db.users.values()):
            raise HTTPException(409, detail="email already registered")
        user = User(id=next(db.ids), **body.model_dump())
        db.users[user.id] = user
        return user

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> User:
        if user_id not in db.users:
            raise HTTPException(404, detail=f"user {user_id} not found")
        return db.users[user_id]

    @app.post("/orders", status_code=201)
    def create_order(body: NewOrder) -> Order:
        if body.user_id not in db.users:  # <- reaches straight into the users data
            raise HTTPException(422, detail=f"user {body.user_id} does not exist")
        total = sum(item.quantity * item.unit_price_cents for item in body.items)
        order = Order(id=next(db.ids), total_cents=total, **body.model_dump())
        db.orders[order.id] = order
        return order

    @app.get("/orders")
    def list_orders(user_id: int) -> list[Order]:
        return [order for order in db.orders.values() if order.user_id == user_id]

    return app
