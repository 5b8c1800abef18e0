"""Orders service.

Settings come from the environment:

- ``DATABASE_URL``: SQLAlchemy URL; defaults to a SQLite file in the working directory.
- ``USERS_URL``: base URL of the users service (``http://users:8000`` in Compose). When it is set,
  an order is only accepted for a user that the users service knows; when it is empty the check
  is skipped, which keeps the service usable on its own.
- ``APP_ENV``: a label reported by ``/health``.
"""

import os
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

DEFAULT_DATABASE_URL = "sqlite:///./orders.db"


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(index=True)
    item: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]


class OrderIn(BaseModel):
    user_id: int = Field(gt=0)
    item: str = Field(min_length=1, max_length=200)
    quantity: int = Field(default=1, gt=0, le=1000)


class OrderOut(OrderIn):
    id: int


def make_engine(url: str) -> Engine:
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def ensure_user_exists(users_url: str, user_id: int) -> None:
    """Ask the users service whether ``user_id`` exists; raise the HTTP error to return if not."""
    try:
        response = httpx.get(f"{users_url.rstrip('/')}/users/{user_id}", timeout=2.0)
    except httpx.HTTPError:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, "users service unreachable"
        ) from None
    if response.status_code == status.HTTP_404_NOT_FOUND:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown user {user_id}")
    if response.is_error:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, "users service failed")


def create_app(database_url: str | None = None, users_url: str | None = None) -> FastAPI:
    engine = make_engine(database_url or os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    sessions = sessionmaker(engine, expire_on_commit=False)
    users = users_url if users_url is not None else os.environ.get("USERS_URL", "")

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        Base.metadata.create_all(engine)
        yield
        engine.dispose()

    app = FastAPI(title="orders", lifespan=lifespan)

    def get_session() -> Iterator[Session]:
        with sessions() as session:
            yield session

    SessionDep = Annotated[Session, Depends(get_session)]

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "service": "orders", "env": os.environ.get("APP_ENV", "dev")}

    @app.post("/orders", status_code=status.HTTP_201_CREATED, response_model=OrderOut)
    def create_order(payload: OrderIn, session: SessionDep) -> Order:
        if users:
            ensure_user_exists(users, payload.user_id)
        order = Order(**payload.model_dump())
        session.add(order)
        session.commit()
        return order

    @app.get("/orders", response_model=list[OrderOut])
    def list_orders(session: SessionDep, user_id: int | None = None) -> list[Order]:
        query = select(Order).order_by(Order.id)
        if user_id is not None:
            query = query.where(Order.user_id == user_id)
        return list(session.scalars(query))

    @app.get("/orders/{order_id}", response_model=OrderOut)
    def get_order(order_id: int, session: SessionDep) -> Order:
        order = session.get(Order, order_id)
        if order is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "order not found")
        return order

    return app


app = create_app()
