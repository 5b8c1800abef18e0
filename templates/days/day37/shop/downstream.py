"""One traced HTTP call from a service to another: the client side of a hop.

The caller's span context must travel on the wire (the W3C `traceparent` header), or the next
service starts a trace of its own and the request falls apart into unrelated pieces in Jaeger.
"""

from __future__ import annotations

from typing import Any

import httpx
from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind, Status, StatusCode


async def send(
    http: httpx.AsyncClient,
    tracer: trace.Tracer,
    method: str,
    route: str,
    path: str,
    json: Any = None,
) -> httpx.Response:
    """Send `method path` in a CLIENT span named after the route template (`GET /users/{user_id}`).

    `route` is the template and `path` the concrete URL path (`/users/42`). Returns the answer
    whatever its status; a 5xx answer marks the span as an error, and a transport error (nobody
    answered) is recorded on the span and raised.
    """
    # BEGIN SOLUTION
    with tracer.start_as_current_span(
        f"{method} {route}",
        kind=SpanKind.CLIENT,
        attributes={
            "http.request.method": method,
            "url.template": route,
            "url.full": str(http.base_url.join(path)),
        },
    ) as span:
        headers: dict[str, str] = {}
        propagate.inject(headers)  # traceparent: this span is the parent of the next service's
        # A transport error leaves the `with` block as an exception: the SDK records it on the
        # span (an "exception" event) and sets the status to ERROR before re-raising it.
        response = await http.request(method, path, json=json, headers=headers)
        span.set_attribute("http.response.status_code", response.status_code)
        if response.status_code >= 500:
            span.set_status(Status(StatusCode.ERROR, f"{route} answered {response.status_code}"))
        return response
    # STARTER: raise NotImplementedError("TODO(day37): CLIENT span, traceparent, error status")
    # END SOLUTION
