"""The HTTP edge: gRPC answers and failures become the right HTTP answers."""

import grpc
import pytest
from fastapi.testclient import TestClient

from api.app import create_app, http_status


def test_totals_over_http(api):
    response = api.get("/users/7/totals")
    assert response.status_code == 200, response.text
    assert response.json() == {"user_id": 7, "order_count": 3, "total_cents": 4749}


def test_orders_placed_over_http_oldest_first(api):
    response = api.get(
        "/orders/placed", params={"start": "2026-03-02T00:00:00Z", "end": "2026-03-05T00:00:00Z"}
    )
    assert response.status_code == 200, response.text
    assert [order["order_id"] for order in response.json()] == [3, 1, 5]
    assert response.json()[0]["placed_at"] == "2026-03-02T12:00:00Z"


def test_invalid_argument_becomes_400(api):
    response = api.get("/users/0/totals")
    assert response.status_code == 400, response.text
    assert "user_id" in response.json()["detail"]
    backwards = {"start": "2026-03-05T00:00:00Z", "end": "2026-03-02T00:00:00Z"}
    assert api.get("/orders/placed", params=backwards).status_code == 400


def test_deadline_exceeded_becomes_504(stuck_client):
    with TestClient(create_app(stuck_client)) as api:
        response = api.get("/users/7/totals")
    assert response.status_code == 504, response.text


class Failed(grpc.RpcError):
    """What a failed call raises, reduced to what http_status may look at."""

    def __init__(self, code: grpc.StatusCode) -> None:
        self._code = code

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return "failed"


@pytest.mark.parametrize(
    "code, status",
    [
        (grpc.StatusCode.INVALID_ARGUMENT, 400),
        (grpc.StatusCode.DEADLINE_EXCEEDED, 504),
        (grpc.StatusCode.UNAVAILABLE, 503),
        (grpc.StatusCode.INTERNAL, 502),
        (grpc.StatusCode.UNKNOWN, 502),
        (grpc.StatusCode.UNIMPLEMENTED, 502),
    ],
    ids=lambda value: getattr(value, "name", str(value)),
)
def test_each_status_code_has_its_http_status(code, status):
    assert http_status(Failed(code)) == status
