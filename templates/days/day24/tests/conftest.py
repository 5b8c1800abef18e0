import os
import threading
from datetime import UTC, datetime

import grpc
import pytest
from fastapi.testclient import TestClient

from analytics.client import AnalyticsClient
from analytics.ledger import Ledger, PlacedOrder
from analytics.server import AnalyticsServicer, serve
from analytics.v1 import analytics_pb2 as pb
from analytics.v1 import analytics_pb2_grpc as pb_grpc
from api.app import create_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the running services; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


# Recorded out of time order on purpose: order 4 was placed first.
ORDERS = [
    PlacedOrder(order_id=1, user_id=7, total_cents=2500, placed_at=at(3)),
    PlacedOrder(order_id=2, user_id=8, total_cents=1000, placed_at=at(5)),
    PlacedOrder(order_id=3, user_id=7, total_cents=1250, placed_at=at(2)),
    PlacedOrder(order_id=4, user_id=9, total_cents=400, placed_at=at(1)),
    PlacedOrder(order_id=5, user_id=7, total_cents=999, placed_at=at(4)),
]


class StuckServicer(AnalyticsServicer):
    """GetUserTotals answers only once the call is over, i.e. after the client's deadline.

    The callback registered with add_callback runs when the call ends (deadline passed, client
    cancelled, server stopped), so nothing here depends on how fast the machine is. Without a
    deadline on the client the call would hang, so the wait has a generous safety limit.
    """

    def GetUserTotals(self, request, context):
        ended = threading.Event()
        if not context.add_callback(ended.set):
            ended.set()
        ended.wait(timeout=5)
        return pb.GetUserTotalsResponse(user_id=request.user_id)


@pytest.fixture
def orders() -> list[PlacedOrder]:
    return list(ORDERS)


@pytest.fixture
def ledger(orders) -> Ledger:
    return Ledger(orders)


@pytest.fixture
def start_server():
    """Starts an analytics server on 127.0.0.1 (a free port) for a servicer; returns its port.
    Every server started is stopped after the test."""
    servers: list[grpc.Server] = []

    def start(servicer: pb_grpc.AnalyticsServiceServicer) -> int:
        server, port = serve(servicer, "127.0.0.1:0")
        servers.append(server)
        return port

    yield start
    for server in servers:
        server.stop(grace=None).wait()


@pytest.fixture
def open_channel():
    channels: list[grpc.Channel] = []

    def open_(port: int, *interceptors: grpc.UnaryUnaryClientInterceptor) -> grpc.Channel:
        channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        channels.append(channel)
        return grpc.intercept_channel(channel, *interceptors) if interceptors else channel

    yield open_
    for channel in channels:
        channel.close()


@pytest.fixture
def port(start_server, ledger) -> int:
    """The port of a real analytics server over `ledger`."""
    return start_server(AnalyticsServicer(ledger))


@pytest.fixture
def stub(open_channel, port) -> pb_grpc.AnalyticsServiceStub:
    """The generated stub, talking to the real server."""
    return pb_grpc.AnalyticsServiceStub(open_channel(port))


@pytest.fixture
def client(open_channel, port) -> AnalyticsClient:
    return AnalyticsClient(open_channel(port), timeout=30.0)


@pytest.fixture
def stuck_client(open_channel, start_server, ledger) -> AnalyticsClient:
    """A client with a tiny deadline, in front of a server that never answers in time."""
    return AnalyticsClient(open_channel(start_server(StuckServicer(ledger))), timeout=0.05)


@pytest.fixture
def api(client):
    with TestClient(create_app(client)) as http:
        yield http


@pytest.fixture
def ok():
    """Calls fn; a failed gRPC call becomes a test failure that names the status code."""

    def call(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except grpc.RpcError as error:
            pytest.fail(f"the call failed: {error.code().name}: {error.details()}")

    return call
