"""The API service's analytics endpoints: HTTP at the edge, gRPC to the analytics service.

    GET /users/{user_id}/totals           -> {"user_id", "order_count", "total_cents"}
    GET /orders/placed?start=...&end=...  -> [{"order_id", "user_id", "total_cents", "placed_at"}]

Run it with (analytics on 50051): ANALYTICS_TARGET=127.0.0.1:50051 \
    uvicorn api.app:create_app --factory --port 8000
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import grpc
from fastapi import FastAPI, HTTPException

from analytics.client import AnalyticsClient


def http_status(error: grpc.RpcError) -> int:
    """The HTTP status for a failed analytics call.

    INVALID_ARGUMENT -> 400 (the caller sent something wrong), DEADLINE_EXCEEDED -> 504
    (analytics was too slow), UNAVAILABLE -> 503 (try again later), anything else -> 502
    (analytics failed in a way the caller cannot fix).
    """
    # BEGIN SOLUTION
    code = error.code()
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        return 400
    if code == grpc.StatusCode.DEADLINE_EXCEEDED:
        return 504
    if code == grpc.StatusCode.UNAVAILABLE:
        return 503
    return 502
    # STARTER: raise NotImplementedError("TODO(day24): map the status code to an HTTP status")
    # END SOLUTION


def failed(error: grpc.RpcError) -> HTTPException:
    return HTTPException(http_status(error), detail=f"analytics: {error.details()}")


def create_app(analytics: AnalyticsClient | None = None) -> FastAPI:
    analytics = analytics if analytics is not None else AnalyticsClient.from_env()
    app = FastAPI(title="api service")

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/users/{user_id}/totals")
    def user_totals(user_id: int) -> dict[str, int]:
        try:
            return asdict(analytics.user_totals(user_id))
        except grpc.RpcError as error:
            raise failed(error) from error

    @app.get("/orders/placed")
    def orders_placed(start: datetime, end: datetime) -> list[dict]:
        """Query parameters are ISO 8601 with a time zone, e.g. 2026-03-01T00:00:00Z."""
        if start.tzinfo is None or end.tzinfo is None:
            raise HTTPException(400, detail="start and end need a time zone, e.g. ...T00:00:00Z")
        try:
            return [asdict(order) for order in analytics.orders_between(start, end)]
        except grpc.RpcError as error:
            raise failed(error) from error

    return app
