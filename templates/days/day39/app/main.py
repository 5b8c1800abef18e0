"""The shop's product API with HTTP caching headers and an application cache.

Run it with:
    uvicorn app.main:create_app --factory --port 8039
"""

from __future__ import annotations

import json
import mimetypes
import time
from collections.abc import Callable

from fastapi import FastAPI, Header, HTTPException, Request, Response
from pydantic import BaseModel

from app import http_cache
from app.app_cache import SingleFlightCache
from app.assets import ASSETS
from app.catalog import Catalog

CATALOGUE_KEY = "catalogue"
# Demo bearer tokens; a real shop checks a session or a signed token (day 30).
TOKENS = {"token-ada": 1, "token-bob": 2}


class ProductUpdate(BaseModel):
    name: str
    price_cents: int


def language(accept_language: str | None) -> str:
    """The shop speaks English and French; French when the client prefers it."""
    return "fr" if (accept_language or "").strip().lower().startswith("fr") else "en"


def localized(product: dict, lang: str) -> dict:
    name = product["name_fr"] if lang == "fr" else product["name"]
    return {"id": product["id"], "name": name, "price_cents": product["price_cents"]}


def conditional(
    request: Request, body: bytes, media_type: str, headers: dict[str, str]
) -> Response:
    """A 200 with the body and its ETag, or a 304 when the client already holds these bytes."""
    # BEGIN SOLUTION
    etag = http_cache.strong_etag(body)
    headers = {**headers, "ETag": etag}
    if http_cache.if_none_match(request.headers.get("if-none-match"), etag):
        # A 304 carries no body but repeats the validator and the caching headers.
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
    # STARTER: return Response(body, media_type=media_type, headers=headers)
    # END SOLUTION


def json_bytes(payload: object) -> bytes:
    # Stable bytes for the same data: sorted keys, no spaces; the ETag depends on it.
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def create_app(
    catalog: Catalog | None = None,
    clock: Callable[[], float] = time.monotonic,
    timer: Callable[[], float] = time.perf_counter,
    ttl: float = 30.0,
) -> FastAPI:
    catalog = catalog if catalog is not None else Catalog()
    cache = SingleFlightCache(ttl=ttl, clock=clock)
    app = FastAPI(title="shop products")
    app.state.catalog = catalog
    app.state.cache = cache

    @app.middleware("http")
    async def server_timing(request: Request, call_next):
        # Total time spent in the app, added to whatever the endpoint reported.
        # BEGIN SOLUTION
        started = timer()
        response = await call_next(request)
        total = f"app;dur={(timer() - started) * 1000:.1f}"
        earlier = response.headers.get("server-timing")
        response.headers["Server-Timing"] = f"{earlier}, {total}" if earlier else total
        return response
        # STARTER: return await call_next(request)  # TODO(day39): add app;dur to Server-Timing
        # END SOLUTION

    @app.get("/products")
    async def list_products(
        request: Request, accept_language: str | None = Header(default=None)
    ) -> Response:
        lang = language(accept_language)
        # BEGIN SOLUTION
        started = timer()
        products, how = await cache.get_or_compute(CATALOGUE_KEY, catalog.catalogue)
        timing = f'cache;desc="{how}"'
        if how != "hit":
            timing += f", db;dur={(timer() - started) * 1000:.1f}"
        # STARTER: # TODO(day39): go through the app cache; say hit or miss in Server-Timing
        # STARTER: products = await catalog.catalogue()
        # STARTER: timing = 'cache;desc="none"'
        # END SOLUTION
        body = json_bytes([localized(p, lang) for p in products])
        headers = {
            "Cache-Control": http_cache.REVALIDATE,
            "Content-Language": lang,
            # BEGIN SOLUTION
            "Vary": "Accept-Language",
            # END SOLUTION
            "Server-Timing": timing,
        }
        return conditional(request, body, "application/json", headers)

    @app.get("/products/{product_id}")
    async def get_product(
        product_id: int, request: Request, accept_language: str | None = Header(default=None)
    ) -> Response:
        product = catalog.product(product_id)
        if product is None:
            raise HTTPException(404, detail=f"product {product_id} not found")
        lang = language(accept_language)
        body = json_bytes(localized(product.__dict__, lang))
        headers = {
            "Cache-Control": http_cache.REVALIDATE,
            "Content-Language": lang,
            # BEGIN SOLUTION
            "Vary": "Accept-Language",
            # END SOLUTION
        }
        return conditional(request, body, "application/json", headers)

    @app.put("/products/{product_id}")
    async def update_product(product_id: int, update: ProductUpdate) -> dict:
        if catalog.product(product_id) is None:
            raise HTTPException(404, detail=f"product {product_id} not found")
        product = catalog.update_product(
            product_id, name=update.name, price_cents=update.price_cents
        )
        # BEGIN SOLUTION
        cache.invalidate(CATALOGUE_KEY)
        # STARTER: # TODO(day39): the cached catalogue is now stale
        # END SOLUTION
        return localized(product.__dict__, "en")

    @app.get("/static/{name}")
    async def static_file(name: str, request: Request) -> Response:
        body = ASSETS.get(name)
        if body is None:
            raise HTTPException(404, detail=f"no static file {name}")
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        headers = {"Cache-Control": http_cache.asset_cache_control(name)}
        return conditional(request, body, media_type, headers)

    @app.get("/me/orders")
    async def my_orders(authorization: str | None = Header(default=None)) -> Response:
        token = (authorization or "").removeprefix("Bearer ").strip()
        user_id = TOKENS.get(token)
        if user_id is None:
            raise HTTPException(401, detail="send Authorization: Bearer <token>")
        # BEGIN SOLUTION
        headers = {"Cache-Control": http_cache.PERSONAL}
        # STARTER: headers = {"Cache-Control": "TODO(day39)"}
        # END SOLUTION
        return Response(
            json_bytes(catalog.orders_of(user_id)), media_type="application/json", headers=headers
        )

    return app
