"""The orders service app (given).

Run it with:
    CURSOR_SECRET=change-me uvicorn orders_api.app:create_app --factory --port 8002
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI
from sqlalchemy.orm import sessionmaker

from orders_api import problems, routes
from orders_api.db import Base, make_engine

DEFAULT_DATABASE_URL = "sqlite:///./orders.db"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def configure(
    app: FastAPI,
    database_url: str | None = None,
    clock: Clock | None = None,
    cursor_secret: bytes | None = None,
) -> None:
    """Give `app` what the routes need: sessions, a clock, the cursor secret, the error format."""
    url = database_url or os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    secret = cursor_secret or os.environ.get("CURSOR_SECRET", "").encode()
    if not secret:
        raise RuntimeError("CURSOR_SECRET is empty: set it to a long random string")
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    app.state.clock = clock or utc_now
    app.state.cursor_secret = secret
    problems.install_problem_handlers(app)


def create_app(
    database_url: str | None = None,
    clock: Clock | None = None,
    cursor_secret: bytes | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.engine.dispose()

    app = FastAPI(title="orders", lifespan=lifespan)
    configure(app, database_url, clock, cursor_secret)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(routes.router)
    return app
