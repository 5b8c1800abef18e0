"""Orders service: day 12's Orders contract, with its data in a SQL database instead of memory.

The HTTP contract is the one week 3 defined (day 12, ``services/orders``): an order is a user id
and a list of items, the service computes the total, asks the Users service whether the user
exists, and translates the answer (404 -> 422, no answer or 5xx -> 503). Only the storage
changed.

Settings come from the environment:

- ``DATABASE_URL``: SQLAlchemy URL; defaults to a SQLite file in the working directory.
- ``USERS_URL``: base URL of the users service (``http://users:8000`` in Compose).
- ``USERS_TIMEOUT_SECONDS``: how long to wait for the users service (default 2 seconds).
- ``APP_ENV``: a label reported by ``/health``.
"""

import os
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import JSON, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

DEFAULT_DATABASE_URL = "sqlite:///./orders.db"
DEFAULT_USERS_URL = "http://127.0.0.1:8001"
DEFAULT_TIMEOUT_SECONDS = "2.0"


class Base(DeclarativeBase):
    pass


class OrderRow(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(index=True)
    total_cents: Mapped[int]
    # The items belong to the order and are never queried on their own: one JSON column.
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


# The request and response shapes of day 12's contract, unchanged.
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


class UsersUnavailable(Exception):
    """The users service could not give an answer: unreachable, too slow, or failing (5xx)."""


def make_engine(url: str) -> Engine:
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def to_order(row: OrderRow) -> Order:
    return Order(id=row.id, user_id=row.user_id, items=row.items, total_cents=row.total_cents)


async def user_exists(
    users_url: str, user_id: int, timeout: float, transport: httpx.AsyncBaseTransport | None
) -> bool:
    """Asks the users service (GET /users/{id}); raises UsersUnavailable when it cannot answer."""
    try:
        async with httpx.AsyncClient(
            base_url=users_url.rstrip("/"), timeout=timeout, transport=transport
        ) as http:
            response = await http.get(f"/users/{user_id}")
    except httpx.TransportError as exc:  # refused, DNS failure, timeouts...
        raise UsersUnavailable(f"users service unreachable: {exc!r}") from exc
    if response.status_code == status.HTTP_404_NOT_FOUND:
        return False
    if response.status_code >= 500:
        raise UsersUnavailable(f"users service answered {response.status_code}")
    response.raise_for_status()
    return True


def create_app(
    database_url: str | None = None,
    users_url: str | None = None,
    users_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """``users_transport`` lets tests deliver the users calls in-process (httpx.ASGITransport)."""
    engine = make_engine(database_url or os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    sessions = sessionmaker(engine, expire_on_commit=False)
    users = users_url or os.environ.get("USERS_URL", DEFAULT_USERS_URL)
    timeout = float(os.environ.get("USERS_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        Base.metadata.create_all(engine)
        yield
        engine.dispose()

    app = FastAPI(title="orders service", lifespan=lifespan)

    def get_session() -> Iterator[Session]:
        with sessions() as session:
            yield session

    SessionDep = Annotated[Session, Depends(get_session)]

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "service": "orders", "env": os.environ.get("APP_ENV", "dev")}

    @app.post("/orders", status_code=status.HTTP_201_CREATED)
    async def create_order(body: NewOrder, session: SessionDep) -> Order:
        try:
            known = await user_exists(users, body.user_id, timeout, users_transport)
        except UsersUnavailable as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "users service unavailable, try again later"
            ) from exc
        if not known:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, f"user {body.user_id} does not exist"
            )
        total = sum(item.quantity * item.unit_price_cents for item in body.items)
        row = OrderRow(
            user_id=body.user_id,
            total_cents=total,
            items=[item.model_dump() for item in body.items],
        )
        session.add(row)
        session.commit()
        return to_order(row)

    @app.get("/orders/{order_id}")
    def get_order(order_id: int, session: SessionDep) -> Order:
        row = session.get(OrderRow, order_id)
        if row is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"order {order_id} not found")
        return to_order(row)

    @app.get("/orders")
    def list_orders(user_id: int, session: SessionDep) -> list[Order]:
        query = select(OrderRow).where(OrderRow.user_id == user_id).order_by(OrderRow.id)
        return [to_order(row) for row in session.scalars(query)]

    return app


app = create_app()
