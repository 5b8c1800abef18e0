"""One middleware for what every response needs, whatever the route did.

- Security headers on *every* response: 200, 404, 422, 500 alike. An error page is a page too,
  and a browser sniffs, frames and leaks referrers from it like from any other.
- An unexpected exception becomes a plain 500 with an error id; the details (exception, SQL,
  stack trace) go to the log under that id and never to the client.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable

from fastapi import Request, Response
from fastapi.responses import JSONResponse

log = logging.getLogger("shop.errors")

# BEGIN SOLUTION
SECURITY_HEADERS = {
    # Nothing may load unless listed; the shop's pages need no scripts at all. No framing
    # (clickjacking), no <base> tricks, forms post only to the shop.
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self' https:; style-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Cache-Control": "no-store",
}
# STARTER: SECURITY_HEADERS: dict[str, str] = {}  # TODO(day32): CSP, nosniff, Referrer-Policy...
# END SOLUTION

Handler = Callable[[Request], Awaitable[Response]]


async def security_layer(request: Request, call_next: Handler) -> Response:
    """Run the request; turn an unexpected exception into a 500 {"detail": "internal error",
    "error_id": ...} (logged with log.exception, with the same id); add SECURITY_HEADERS to
    whatever response goes out and remove any `server` header."""
    # BEGIN SOLUTION
    try:
        response = await call_next(request)
    except Exception:
        error_id = uuid.uuid4().hex
        log.exception("unhandled error %s on %s %s", error_id, request.method, request.url.path)
        response = JSONResponse({"detail": "internal error", "error_id": error_id}, status_code=500)
    response.headers.update(SECURITY_HEADERS)
    if "server" in response.headers:
        del response.headers["server"]
    return response
    # STARTER: return await call_next(request)  # TODO(day32): errors and headers
    # END SOLUTION
