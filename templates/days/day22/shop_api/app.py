"""The shop API with two versions side by side.

Run it with:
    CURSOR_SECRET=change-me uvicorn shop_api.app:create_app --factory --port 8002
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from orders_api import routes
from orders_api.app import Clock, configure
from shop_api import v2, versioning


def create_app(
    database_url: str | None = None,
    clock: Clock | None = None,
    cursor_secret: bytes | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.engine.dispose()

    app = FastAPI(title="shop", lifespan=lifespan)
    configure(app, database_url, clock, cursor_secret)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    # BEGIN SOLUTION
    app.include_router(routes.router, prefix="/v1", tags=["v1"], deprecated=True)
    app.include_router(v2.router, prefix="/v2", tags=["v2"])
    app.middleware("http")(versioning.versioning)
    # STARTER: # TODO(day22): day 21's router under /v1 (deprecated), v2's under /v2, the middleware
    # END SOLUTION
    return app
