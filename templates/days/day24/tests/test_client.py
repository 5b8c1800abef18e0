"""The client: typed answers, and a deadline on every call it makes."""

from datetime import UTC, datetime

import grpc
import pytest

from analytics.client import AnalyticsClient, Totals


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 12, tzinfo=UTC)


class DeadlineRecorder(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """Sits in the channel and writes down the method and the timeout of every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float | None]] = []

    def _record(self, details: grpc.ClientCallDetails) -> None:
        method = details.method.decode() if isinstance(details.method, bytes) else details.method
        self.calls.append((method.rsplit("/", 1)[-1], details.timeout))

    def intercept_unary_unary(self, continuation, details, request):
        self._record(details)
        return continuation(details, request)

    def intercept_unary_stream(self, continuation, details, request):
        self._record(details)
        return continuation(details, request)


def test_the_client_returns_totals_and_streams_orders(client, ok):
    assert ok(client.user_totals, 7) == Totals(user_id=7, order_count=3, total_cents=4749)
    orders = ok(lambda: list(client.orders_between(at(2), at(5))))
    assert [order.order_id for order in orders] == [3, 1, 5]
    assert orders[0].placed_at == at(2)


def test_every_call_carries_the_client_deadline(open_channel, port, ok):
    recorder = DeadlineRecorder()
    client = AnalyticsClient(open_channel(port, recorder), timeout=30.0)
    ok(client.user_totals, 7)
    ok(lambda: list(client.orders_between(at(1), at(9))))
    assert recorder.calls == [("GetUserTotals", 30.0), ("ListOrdersInRange", 30.0)]


def test_a_call_past_its_deadline_fails_with_deadline_exceeded(stuck_client):
    with pytest.raises(grpc.RpcError) as failure:
        stuck_client.user_totals(7)
    assert failure.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


def test_invalid_input_reaches_the_caller_as_a_status_code(client):
    with pytest.raises(grpc.RpcError) as failure:
        client.user_totals(0)
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
