"""Which version a request gets, and what a v1 response tells its client about the future.

Two ways to pick a version:

- the URL: `/v1/orders`, `/v2/orders`. Explicit, cacheable, easy to see in a log. It wins.
- the media type, for the unversioned paths (`/orders`, `/orders/{id}`) that day 21's clients
  already call: `Accept: application/vnd.shop.v2+json` asks for version 2. Without a vendor
  media type the answer is version 1, because that is what those clients were built against.
  A version this API does not have (v0, v3, ...) is a 406 problem naming the supported ones:
  guessing "latest" would hand an old client a shape it cannot read.

A negotiated request is served by the versioned route (the path is rewritten before routing), and
its response says `Vary: Accept`, so caches keep one copy per version.

Every v1 response, errors included, carries the deprecation signals:

    Deprecation: @1767225600                        RFC 9745: deprecated since (Unix seconds)
    Sunset: Thu, 31 Dec 2026 23:59:59 GMT           RFC 8594: it stops working after this date
    Link: </v2/orders/3>; rel="successor-version"   RFC 5829: where to go instead

Those are added next to the headers the route set, never instead of them: a v1 list page keeps its
`Link: <...>; rel="next"`.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import format_datetime

from fastapi import Request, Response

from orders_api.problems import BASE, problem_response

SUPPORTED_VERSIONS = (1, 2)
DEFAULT_VERSION = 1
DEPRECATED_SINCE = datetime(2026, 1, 1, tzinfo=UTC)
SUNSET_AT = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
UNSUPPORTED_VERSION = f"{BASE}/unsupported-version"
NEGOTIATED_PATHS = re.compile(r"/orders(/.*)?")
VENDOR_MEDIA_TYPE = re.compile(r"application/vnd\.shop\.v(\d+)\+json")

CallNext = Callable[[Request], Awaitable[Response]]


def requested_version(accept: str | None) -> int | None:
    """The version a vendor media type in `accept` names, or None if it names none.

    `accept` is a full Accept header: several media ranges separated by commas, each possibly
    with parameters (`application/vnd.shop.v2+json; q=0.9`). Other media types are ignored.
    """
    # BEGIN SOLUTION
    if not accept:
        return None
    for media_range in accept.split(","):
        media_type = media_range.split(";")[0].strip().lower()
        match = VENDOR_MEDIA_TYPE.fullmatch(media_type)
        if match:
            return int(match.group(1))
    return None
    # STARTER: raise NotImplementedError("TODO(day22): find application/vnd.shop.vN+json")
    # END SOLUTION


def deprecation_headers(path: str) -> list[tuple[str, str]]:
    """The headers every response to the v1 `path` carries: Deprecation, Sunset, and a Link to
    the same resource in v2 (`/v1/orders/3` -> `/v2/orders/3`)."""
    # BEGIN SOLUTION
    successor = "/v2" + path.removeprefix("/v1")
    return [
        ("Deprecation", f"@{int(DEPRECATED_SINCE.timestamp())}"),
        ("Sunset", format_datetime(SUNSET_AT, usegmt=True)),
        ("Link", f'<{successor}>; rel="successor-version"'),
    ]
    # STARTER: raise NotImplementedError("TODO(day22): Deprecation, Sunset, successor Link")
    # END SOLUTION


async def versioning(request: Request, call_next: CallNext) -> Response:
    """HTTP middleware: negotiate the version of unversioned paths, deprecate v1."""
    # BEGIN SOLUTION
    negotiated = False
    if NEGOTIATED_PATHS.fullmatch(request.scope["path"]):
        version = requested_version(request.headers.get("accept"))
        if version is None:
            version = DEFAULT_VERSION
        if version not in SUPPORTED_VERSIONS:
            supported = ", ".join(f"v{v}" for v in SUPPORTED_VERSIONS)
            response = problem_response(
                request,
                406,
                UNSUPPORTED_VERSION,
                "Unsupported API version",
                f"this API has no version {version}; ask for one of {supported}",
                supported=[f"application/vnd.shop.v{v}+json" for v in SUPPORTED_VERSIONS],
            )
            response.headers.append("Vary", "Accept")
            return response
        request.scope["path"] = f"/v{version}{request.scope['path']}"
        negotiated = True
    response = await call_next(request)
    if negotiated:
        response.headers.append("Vary", "Accept")
    path = request.scope["path"]
    if path == "/v1" or path.startswith("/v1/"):
        for name, value in deprecation_headers(path):
            response.headers.append(name, value)
    return response
    # STARTER: return await call_next(request)  # TODO(day22): negotiate, then deprecate v1
    # END SOLUTION
