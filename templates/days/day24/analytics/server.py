"""The analytics gRPC server: AnalyticsService from proto/analytics/v1/analytics.proto.

Run it with: python -m analytics.server  (listens on ANALYTICS_ADDRESS, default 127.0.0.1:50051)

A handler reports failure with a status code, never with an OK answer carrying an error text:
`context.abort(grpc.StatusCode.INVALID_ARGUMENT, "why")` ends the call with that status, and
every client, in any language, sees it as an error it can branch on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent import futures
from datetime import UTC

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from analytics.ledger import Ledger, PlacedOrder
from analytics.v1 import analytics_pb2 as pb
from analytics.v1 import analytics_pb2_grpc as pb_grpc


def to_message(order: PlacedOrder) -> pb.PlacedOrder:
    placed_at = Timestamp()
    placed_at.FromDatetime(order.placed_at)
    return pb.PlacedOrder(
        order_id=order.order_id,
        user_id=order.user_id,
        total_cents=order.total_cents,
        placed_at=placed_at,
    )


class AnalyticsServicer(pb_grpc.AnalyticsServiceServicer):
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def GetUserTotals(
        self, request: pb.GetUserTotalsRequest, context: grpc.ServicerContext
    ) -> pb.GetUserTotalsResponse:
        """INVALID_ARGUMENT for a user_id below 1; otherwise the count and sum of the user's
        orders (zeros for a user without orders)."""
        # BEGIN SOLUTION
        if request.user_id < 1:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "user_id must be a positive integer")
        orders = self.ledger.of_user(request.user_id)
        return pb.GetUserTotalsResponse(
            user_id=request.user_id,
            order_count=len(orders),
            total_cents=sum(order.total_cents for order in orders),
        )
        # STARTER: raise NotImplementedError("TODO(day24): validate, then count and sum")
        # END SOLUTION

    def ListOrdersInRange(
        self, request: pb.ListOrdersInRangeRequest, context: grpc.ServicerContext
    ) -> Iterator[pb.ListOrdersInRangeResponse]:
        """INVALID_ARGUMENT when start_time or end_time is missing or start_time >= end_time;
        otherwise one message per order of the range, oldest first, each sent as soon as it is
        read from the ledger."""
        # BEGIN SOLUTION
        if not (request.HasField("start_time") and request.HasField("end_time")):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "start_time and end_time are required")
        start = request.start_time.ToDatetime(tzinfo=UTC)
        end = request.end_time.ToDatetime(tzinfo=UTC)
        if start >= end:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "start_time must be before end_time")
        for order in self.ledger.in_range(start, end):
            if not context.is_active():  # the client went away or its deadline passed
                return
            yield pb.ListOrdersInRangeResponse(order=to_message(order))
        # STARTER: raise NotImplementedError("TODO(day24): validate, then stream the range")
        # END SOLUTION


def serve(
    servicer: pb_grpc.AnalyticsServiceServicer, address: str = "127.0.0.1:0"
) -> tuple[grpc.Server, int]:
    """Start serving `servicer` on `address` (port 0: any free port); return the server and port."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    pb_grpc.add_AnalyticsServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port(address)
    server.start()
    return server, port


if __name__ == "__main__":
    address = os.environ.get("ANALYTICS_ADDRESS", "127.0.0.1:50051")
    running, port = serve(AnalyticsServicer(Ledger()), address)
    print(f"analytics listening on port {port}")
    running.wait_for_termination()
