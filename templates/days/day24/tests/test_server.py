"""The analytics server, called through the generated stub over a real connection."""

import threading
from datetime import UTC, datetime

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from analytics.ledger import Ledger
from analytics.server import AnalyticsServicer
from analytics.v1 import analytics_pb2 as pb
from analytics.v1 import analytics_pb2_grpc as pb_grpc

DEADLINE = 30.0  # every call below has one; none of them should come near it


def stamp(day: int) -> Timestamp:
    moment = Timestamp()
    moment.FromDatetime(datetime(2026, 3, day, 12, tzinfo=UTC))
    return moment


def in_range(start: int | None, end: int | None) -> pb.ListOrdersInRangeRequest:
    request = pb.ListOrdersInRangeRequest()
    if start is not None:
        request.start_time.CopyFrom(stamp(start))
    if end is not None:
        request.end_time.CopyFrom(stamp(end))
    return request


def test_user_totals_count_and_sum_the_users_orders(stub, ok):
    answer = ok(stub.GetUserTotals, pb.GetUserTotalsRequest(user_id=7), timeout=DEADLINE)
    assert (answer.user_id, answer.order_count, answer.total_cents) == (7, 3, 2500 + 1250 + 999)


def test_a_user_without_orders_gets_zeros(stub, ok):
    answer = ok(stub.GetUserTotals, pb.GetUserTotalsRequest(user_id=42), timeout=DEADLINE)
    assert (answer.user_id, answer.order_count, answer.total_cents) == (42, 0, 0)


@pytest.mark.parametrize("user_id", [0, -3])
def test_a_user_id_below_one_is_invalid_argument(stub, user_id):
    with pytest.raises(grpc.RpcError) as failure:
        stub.GetUserTotals(pb.GetUserTotalsRequest(user_id=user_id), timeout=DEADLINE)
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "user_id" in failure.value.details()


def test_the_range_streams_its_orders_oldest_first_end_excluded(stub, ok):
    answers = ok(lambda: list(stub.ListOrdersInRange(in_range(2, 5), timeout=DEADLINE)))
    assert [answer.order.order_id for answer in answers] == [3, 1, 5]
    assert answers[0].order.placed_at == stamp(2)
    assert answers[0].order.total_cents == 1250


def test_an_empty_range_is_an_empty_stream(stub, ok):
    assert ok(lambda: list(stub.ListOrdersInRange(in_range(20, 25), timeout=DEADLINE))) == []


@pytest.mark.parametrize(
    "start, end", [(None, 5), (2, None), (None, None), (5, 2), (3, 3)], ids=str
)
def test_a_range_without_both_bounds_in_order_is_invalid_argument(stub, start, end):
    with pytest.raises(grpc.RpcError) as failure:
        list(stub.ListOrdersInRange(in_range(start, end), timeout=DEADLINE))
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT


class PacedLedger(Ledger):
    """Lets the server read order i+1 only once the test has received order i.

    A server that streams sends each order as it reads it, so every wait ends at once. A server
    that first reads the whole range into memory waits for a message it has not sent: the wait
    gives up after its safety limit and the failure is recorded.
    """

    def __init__(self, orders) -> None:
        super().__init__(orders)
        self.received = [threading.Event() for _ in orders]
        self.in_step: list[bool] = []

    def in_range(self, start, end):
        for index, order in enumerate(super().in_range(start, end)):
            if index and all(self.in_step):
                self.in_step.append(self.received[index - 1].wait(timeout=10))
            yield order


def test_the_stream_sends_each_order_before_reading_the_next(
    start_server, open_channel, orders, ok
):
    paced = PacedLedger(orders)
    stub = pb_grpc.AnalyticsServiceStub(open_channel(start_server(AnalyticsServicer(paced))))

    def receive() -> list[int]:
        got = []
        for index, answer in enumerate(stub.ListOrdersInRange(in_range(1, 30), timeout=30)):
            got.append(answer.order.order_id)
            paced.received[index].set()
        return got

    assert ok(receive) == [4, 3, 1, 5, 2]
    assert paced.in_step == [True, True, True, True], "the server read ahead of what it sent"
