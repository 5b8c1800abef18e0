"""The shop's Prometheus metrics: RED (rate, errors, duration) per route, plus orders placed.

Every label value must come from a small, fixed set. Each distinct combination of label values
is a separate time series that Prometheus stores and indexes; a label holding a user id or a raw
URL path turns one metric into millions of series (a "cardinality explosion").
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from prometheus_client import CollectorRegistry, Counter, Histogram

# Seconds. Chosen around the latency objective (300 ms): buckets are where quantiles are precise.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1.0, 2.5, 5.0)
UNMATCHED = "unmatched"  # the route label of requests no route matched (404s on random paths)


def status_class(status_code: int) -> str:
    """200 -> "2xx", 503 -> "5xx": five values instead of sixty."""
    # BEGIN SOLUTION
    return f"{status_code // 100}xx"
    # STARTER: raise NotImplementedError("TODO(day38): the status class of a status code")
    # END SOLUTION


def route_template(request: Request) -> str:
    """The template of the route that served the request (`/users/{user_id}`), never the path."""
    # BEGIN SOLUTION
    # FastAPI puts the matched route in the request scope once routing is done.
    route = request.scope.get("route")
    return getattr(route, "path", None) or UNMATCHED
    # STARTER: raise NotImplementedError("TODO(day38): the route template, or UNMATCHED")
    # END SOLUTION


class ShopMetrics:
    """The metrics, registered in `registry` (tests give each app its own registry)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        # BEGIN SOLUTION
        self.requests = Counter(
            "shop_http_requests",
            "HTTP requests served, by route template, method and status class.",
            ["route", "method", "status_class"],
            registry=registry,
        )
        self.duration = Histogram(
            "shop_http_request_duration_seconds",
            "Time to serve an HTTP request, by route template and method.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.orders_placed = Counter(
            "shop_orders_placed", "Orders stored successfully.", registry=registry
        )
        # STARTER: # TODO(day38): a request counter, a latency histogram (LATENCY_BUCKETS) and an
        # STARTER: # orders-placed counter, registered in `registry`, with bounded labels only.
        # STARTER: self.requests = self.duration = self.orders_placed = None
        # END SOLUTION

    def observe(self, request: Request, status_code: int, seconds: float) -> None:
        """Count one served request and record how long it took."""
        # BEGIN SOLUTION
        route = route_template(request)
        self.requests.labels(route, request.method, status_class(status_code)).inc()
        self.duration.labels(route, request.method).observe(seconds)
        # STARTER: raise NotImplementedError("TODO(day38): count the request, observe its latency")
        # END SOLUTION


def instrument(
    app: FastAPI, metrics: ShopMetrics, clock: Callable[[], float] = time.perf_counter
) -> None:
    """Measure every request the app serves, including those that end in an exception."""

    @app.middleware("http")
    async def measure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path == "/metrics":  # do not measure the scrapes themselves
            return await call_next(request)
        started = clock()
        try:
            response = await call_next(request)
        except Exception:
            metrics.observe(request, 500, clock() - started)
            raise
        metrics.observe(request, response.status_code, clock() - started)
        return response
