"""The shop's HTTP API on top of the router, the pool and the breaker.

Every request runs its database work as one unit through the breaker, in a session of the
router for the caller's ``X-Client-Id`` (the identity read-your-writes follows).

Run it (SQLite files primary.db and replica.db in the working directory):
    uv run uvicorn shop.app:create_app_from_env --factory --port 8000
With the compose Postgres pair, after `cp .env.example .env`:
    uv run --env-file .env uvicorn shop.app:create_app_from_env --factory --port 8000
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import FastAPI, Header, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import exc, select
from sqlalchemy.orm import Session

from shop.breaker import CircuitBreaker, CircuitOpen
from shop.models import Base, Order, User
from shop.pool import PoolSettings, make_engine
from shop.routing import ReadWriteRouter

T = TypeVar("T")


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)


class UserOut(UserIn):
    id: int


class OrderIn(BaseModel):
    user_id: int
    item: str = Field(min_length=1, max_length=200)
    quantity: int = Field(default=1, gt=0, le=1000)


class OrderOut(OrderIn):
    id: int


ClientId = Annotated[str | None, Header(alias="X-Client-Id")]


def create_app(router: ReadWriteRouter, breaker: CircuitBreaker | None = None) -> FastAPI:
    breaker = breaker if breaker is not None else CircuitBreaker(clock=router.clock)
    app = FastAPI(title="shop")
    app.state.router = router
    app.state.breaker = breaker

    def run(client_id: str | None, work: Callable[[Session], T]) -> T:
        """One unit of work in one routed session, through the breaker."""

        def unit() -> T:
            with router.session(client_id) as session:
                result = work(session)
                session.commit()
                return result

        return breaker.call(unit)

    # BEGIN SOLUTION
    @app.exception_handler(CircuitOpen)
    def circuit_open(_: Request, error: CircuitOpen) -> JSONResponse:
        return JSONResponse(
            {"detail": "database unavailable, failing fast"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(max(1, math.ceil(error.retry_after)))},
        )

    @app.exception_handler(exc.TimeoutError)
    def pool_exhausted(_: Request, __: exc.TimeoutError) -> JSONResponse:
        return JSONResponse(
            {"detail": "database busy: no free connection"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(exc.OperationalError)
    def database_down(_: Request, __: exc.OperationalError) -> JSONResponse:
        return JSONResponse(
            {"detail": "database unavailable"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "1"},
        )
    # STARTER: # TODO(day29): turn CircuitOpen, a pool TimeoutError and an OperationalError into
    # STARTER: # a 503 with a Retry-After header, instead of a 500.
    # END SOLUTION

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "database": breaker.state}

    @app.post("/users", status_code=status.HTTP_201_CREATED)
    def create_user(body: UserIn, client_id: ClientId = None) -> UserOut:
        def work(session: Session) -> UserOut:
            user = User(name=body.name, email=body.email)
            session.add(user)
            try:
                session.flush()
            except exc.IntegrityError:
                raise HTTPException(status.HTTP_409_CONFLICT, "email already registered") from None
            return UserOut(id=user.id, name=user.name, email=user.email)

        return run(client_id, work)

    @app.get("/users/{user_id}")
    def get_user(user_id: int, client_id: ClientId = None) -> UserOut:
        def work(session: Session) -> UserOut:
            user = session.get(User, user_id)
            if user is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, f"user {user_id} not found")
            return UserOut(id=user.id, name=user.name, email=user.email)

        return run(client_id, work)

    @app.post("/orders", status_code=status.HTTP_201_CREATED)
    def create_order(body: OrderIn, client_id: ClientId = None) -> OrderOut:
        def work(session: Session) -> OrderOut:
            if session.get(User, body.user_id) is None:
                raise HTTPException(
                    status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown user {body.user_id}"
                )
            order = Order(**body.model_dump())
            session.add(order)
            session.flush()
            return OrderOut(id=order.id, **body.model_dump())

        return run(client_id, work)

    @app.get("/orders")
    def list_orders(user_id: int, client_id: ClientId = None) -> list[OrderOut]:
        def work(session: Session) -> list[OrderOut]:
            query = select(Order).where(Order.user_id == user_id).order_by(Order.id)
            return [
                OrderOut(id=o.id, user_id=o.user_id, item=o.item, quantity=o.quantity)
                for o in session.scalars(query)
            ]

        return run(client_id, work)

    return app


def create_app_from_env() -> FastAPI:
    """The app for uvicorn: DATABASE_URL and REPLICA_URL, or two SQLite files here."""
    primary = make_engine(os.environ.get("DATABASE_URL", "sqlite:///primary.db"), PoolSettings())
    replica = make_engine(os.environ.get("REPLICA_URL", "sqlite:///replica.db"), PoolSettings())
    Base.metadata.create_all(primary)
    if replica.dialect.name == "sqlite":
        Base.metadata.create_all(replica)
    return create_app(ReadWriteRouter(primary, replica))
