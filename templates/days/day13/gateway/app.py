"""The API gateway: one public entry point in front of the Users and Orders services.

- /users, /users/...   -> Users service  (a transparent reverse proxy)
- /orders, /orders/... -> Orders service
- /bff/users/{id}/summary -> a Backend-for-Frontend endpoint that aggregates both

Run it with (the two services on 8001 and 8002):
    USERS_URL=http://127.0.0.1:8001 ORDERS_URL=http://127.0.0.1:8002 \
        uvicorn gateway.app:create_app --factory --port 8000
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from gateway.upstream import Upstream

REQUEST_ID = "x-request-id"
# A request id accepted from a caller (day 2's rule): 1 to 64 letters, digits, dots, underscores
# or dashes. Anything else would let a client push arbitrary text into every service's logs.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Only these request headers travel to the services; everything else (cookies, internal debug
# headers, hop-by-hop headers such as Connection, the public Host) stays at the edge.
FORWARDED_REQUEST_HEADERS = frozenset({"accept", "authorization", "content-type"})
# Only these response headers travel back to the client (no server banners, no internals).
FORWARDED_RESPONSE_HEADERS = frozenset({"content-type", "location", "retry-after"})
PROXY_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def new_request_id() -> str:
    return uuid.uuid4().hex


def pick_headers(headers: Mapping[str, str], allowed: Iterable[str]) -> dict[str, str]:
    """The headers whose (case-insensitive) name is in `allowed`, with lower-case names."""
    allowed = set(allowed)
    return {name.lower(): value for name, value in headers.items() if name.lower() in allowed}


def failure_status(exc: httpx.TransportError) -> int:
    """504 Gateway Timeout when the upstream was too slow, 502 Bad Gateway otherwise."""
    return 504 if isinstance(exc, httpx.TimeoutException) else 502


def upstream_error(status: int, upstream: Upstream, reason: str) -> JSONResponse:
    return JSONResponse({"detail": reason, "upstream": upstream.name}, status_code=status)


async def settle(*calls: Awaitable[Any]) -> list[Any]:
    """Run the calls concurrently; each result is either the value or the exception raised."""
    return await asyncio.gather(*calls, return_exceptions=True)


async def forward(request: Request, upstream: Upstream) -> Response:
    """Send the incoming request to `upstream` and relay its answer.

    Keep the method, path, query string and body; send only FORWARDED_REQUEST_HEADERS plus the
    request id; relay the upstream status code and body unchanged with FORWARDED_RESPONSE_HEADERS.
    When the upstream cannot answer, reply with `failure_status(exc)` instead.
    """
    # BEGIN SOLUTION
    headers = pick_headers(request.headers, FORWARDED_REQUEST_HEADERS)
    headers[REQUEST_ID] = request.state.request_id
    try:
        async with upstream.client() as http:
            answer = await http.request(
                request.method,
                request.url.path,
                params=list(request.query_params.multi_items()),
                content=await request.body(),
                headers=headers,
            )
    except httpx.TransportError as exc:
        reason = f"{upstream.name} did not answer: {type(exc).__name__}"
        return upstream_error(failure_status(exc), upstream, reason)
    return Response(
        content=answer.content,
        status_code=answer.status_code,
        headers=pick_headers(answer.headers, FORWARDED_RESPONSE_HEADERS),
    )
    # STARTER: raise HTTPException(501, detail=f"TODO(day13): forward to {upstream.name}")
    # END SOLUTION


async def user_summary(
    user_id: int, request: Request, users: Upstream, orders: Upstream
) -> JSONResponse:
    """One call for the web page: the user, their orders, and two totals.

    Ask both services at the same time. Users is essential (404 if the user does not exist,
    502/504 if Users fails); Orders is optional: if it fails, still answer 200 with
    "orders": null and "partial": true.
    """
    # BEGIN SOLUTION
    headers = {REQUEST_ID: request.state.request_id}

    async def get(upstream: Upstream, path: str, params: dict[str, Any] | None = None):
        async with upstream.client() as http:
            return await http.get(path, params=params, headers=headers)

    user_answer, orders_answer = await settle(
        get(users, f"/users/{user_id}"), get(orders, "/orders", {"user_id": user_id})
    )
    if isinstance(user_answer, httpx.TransportError):
        return upstream_error(failure_status(user_answer), users, "users did not answer")
    if isinstance(user_answer, BaseException):
        raise user_answer
    if user_answer.status_code == 404:
        raise HTTPException(404, detail=f"user {user_id} not found")
    if user_answer.status_code != 200:
        return upstream_error(502, users, f"users answered {user_answer.status_code}")

    user_orders = None
    if not isinstance(orders_answer, BaseException) and orders_answer.status_code == 200:
        user_orders = orders_answer.json()
    return JSONResponse(
        {
            "user": user_answer.json(),
            "orders": user_orders,
            "order_count": None if user_orders is None else len(user_orders),
            "total_spent_cents": None
            if user_orders is None
            else sum(order["total_cents"] for order in user_orders),
            "partial": user_orders is None,
        }
    )
    # STARTER: raise HTTPException(501, detail="TODO(day13): combine the user and their orders")
    # END SOLUTION


def create_app(users: Upstream | None = None, orders: Upstream | None = None) -> FastAPI:
    users = users or Upstream.from_env("users", "USERS_URL", "http://127.0.0.1:8001")
    orders = orders or Upstream.from_env("orders", "ORDERS_URL", "http://127.0.0.1:8002")
    app = FastAPI(title="api gateway")

    @app.middleware("http")
    async def request_id(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Reuse the caller's X-Request-Id or create one; expose it as request.state.request_id
        and on every response, errors included."""
        # BEGIN SOLUTION
        incoming = request.headers.get(REQUEST_ID, "")
        safe = SAFE_REQUEST_ID.fullmatch(incoming)
        request.state.request_id = incoming if safe else new_request_id()
        response = await call_next(request)
        response.headers[REQUEST_ID] = request.state.request_id
        return response
        # STARTER: return await call_next(request)
        # END SOLUTION

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bff/users/{user_id}/summary")
    async def bff_user_summary(user_id: int, request: Request) -> JSONResponse:
        return await user_summary(user_id, request, users, orders)

    @app.api_route("/users", methods=PROXY_METHODS)
    @app.api_route("/users/{path:path}", methods=PROXY_METHODS)
    async def users_proxy(request: Request) -> Response:
        return await forward(request, users)

    @app.api_route("/orders", methods=PROXY_METHODS)
    @app.api_route("/orders/{path:path}", methods=PROXY_METHODS)
    async def orders_proxy(request: Request) -> Response:
        return await forward(request, orders)

    return app
