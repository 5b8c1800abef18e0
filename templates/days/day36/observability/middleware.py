"""Request logging for a FastAPI service: the request id, one summary line, exceptions."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from observability.request_id import REQUEST_ID, choose_request_id

Clock = Callable[[], float]


def instrument(app: FastAPI, log: Any, clock: Clock = time.perf_counter) -> None:
    """Add the middleware that, around every request:

    - chooses the request id (choose_request_id) and binds it, with the route
      ("METHOD /path"), in structlog's context variables for the whole request, then restores
      the previous context (tokens from bind_contextvars, reset_contextvars);
    - logs exactly one "request finished" line with `status` and `duration_ms` (from `clock`,
      in milliseconds);
    - turns an unhandled exception into one log.exception line ("request failed", status 500)
      and a JSON 500 answer; nothing is printed, nothing is logged twice;
    - puts the request id on the response's X-Request-Id header, errors included.
    """
    app.state.log = log

    @app.middleware("http")
    async def log_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # BEGIN SOLUTION
        request_id = choose_request_id(request.headers.get(REQUEST_ID))
        tokens = structlog.contextvars.bind_contextvars(
            request_id=request_id, route=f"{request.method} {request.url.path}"
        )
        started = clock()
        try:
            try:
                response = await call_next(request)
            except Exception:
                log.exception(
                    "request failed",
                    status=500,
                    duration_ms=round((clock() - started) * 1000, 3),
                )
                response = JSONResponse(
                    {"detail": "internal error", "request_id": request_id}, status_code=500
                )
            else:
                log.info(
                    "request finished",
                    status=response.status_code,
                    duration_ms=round((clock() - started) * 1000, 3),
                )
            response.headers[REQUEST_ID] = request_id
            return response
        finally:
            structlog.contextvars.reset_contextvars(**tokens)
        # STARTER: return await call_next(request)
        # END SOLUTION
