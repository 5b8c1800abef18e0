"""The orders table and the engine that holds it (given).

`created_at` is stored as naive UTC. The composite index on `(created_at, id)` is the one the
list endpoint walks: its sort order is exactly the order of the pages, so each page is a short
range scan that starts where the previous one stopped.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_created_at_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(index=True)
    item: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime)


def make_engine(url: str) -> Engine:
    """An engine for `url`. `sqlite://` is one in-memory database shared by every session."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)
