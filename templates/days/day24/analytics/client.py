"""How other services call analytics: a small client over the generated stub.

Every call carries a deadline (`timeout=` in grpcio). Without one, a stuck analytics server holds
the caller's thread, and the HTTP request above it, for as long as the connection lives.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from analytics.ledger import PlacedOrder
from analytics.v1 import analytics_pb2 as pb
from analytics.v1 import analytics_pb2_grpc as pb_grpc

DEFAULT_TARGET = "127.0.0.1:50051"
DEFAULT_TIMEOUT_SECONDS = "1.0"


@dataclass(frozen=True)
class Totals:
    user_id: int
    order_count: int
    total_cents: int


def timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def from_message(message: pb.PlacedOrder) -> PlacedOrder:
    return PlacedOrder(
        order_id=message.order_id,
        user_id=message.user_id,
        total_cents=message.total_cents,
        placed_at=message.placed_at.ToDatetime(tzinfo=UTC),
    )


class AnalyticsClient:
    def __init__(self, channel: grpc.Channel, timeout: float) -> None:
        self.stub = pb_grpc.AnalyticsServiceStub(channel)
        self.timeout = timeout  # seconds: the deadline of every call

    @classmethod
    def from_env(cls) -> AnalyticsClient:
        """ANALYTICS_TARGET (host:port) and ANALYTICS_TIMEOUT_SECONDS, with development defaults."""
        target = os.environ.get("ANALYTICS_TARGET", DEFAULT_TARGET)
        timeout = float(os.environ.get("ANALYTICS_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
        return cls(grpc.insecure_channel(target), timeout=timeout)

    def user_totals(self, user_id: int) -> Totals:
        """GetUserTotals with this client's deadline. grpc.RpcError when the call fails."""
        # BEGIN SOLUTION
        answer = self.stub.GetUserTotals(
            pb.GetUserTotalsRequest(user_id=user_id), timeout=self.timeout
        )
        return Totals(answer.user_id, answer.order_count, answer.total_cents)
        # STARTER: raise NotImplementedError("TODO(day24): call GetUserTotals with a deadline")
        # END SOLUTION

    def orders_between(self, start: datetime, end: datetime) -> Iterator[PlacedOrder]:
        """ListOrdersInRange with this client's deadline (for the whole stream), yielding each
        order as it arrives. grpc.RpcError, raised while iterating, when the call fails."""
        # BEGIN SOLUTION
        request = pb.ListOrdersInRangeRequest(start_time=timestamp(start), end_time=timestamp(end))
        for answer in self.stub.ListOrdersInRange(request, timeout=self.timeout):
            yield from_message(answer.order)
        # STARTER: raise NotImplementedError("TODO(day24): call ListOrdersInRange with a deadline")
        # END SOLUTION
