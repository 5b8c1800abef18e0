"""The GraphQL gateway: POST /graphql in front of the Users and Orders services.

Run it with (the services on 8001 and 8002, started from services/*/batch.py):
    USERS_URL=http://127.0.0.1:8001 ORDERS_URL=http://127.0.0.1:8002 \
        uvicorn gateway.app:create_app --factory --port 8000
"""

from __future__ import annotations

from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from gateway.context import GatewayContext
from gateway.loaders import new_loaders
from gateway.rest import ShopClient
from gateway.schema import schema


def create_app(shop: ShopClient | None = None) -> FastAPI:
    shop = shop if shop is not None else ShopClient.from_env()

    async def context() -> GatewayContext:
        """Called by the router once per HTTP request: everything a request's resolvers share."""
        # BEGIN SOLUTION
        return GatewayContext(shop=shop, loaders=new_loaders(shop))
        # STARTER: raise NotImplementedError("TODO(day23): a context with new loaders, per request")
        # END SOLUTION

    app = FastAPI(title="graphql gateway")
    app.include_router(GraphQLRouter(schema, context_getter=context), prefix="/graphql")

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
