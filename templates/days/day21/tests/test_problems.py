"""Every error, from every layer, is an RFC 9457 problem; bad cursors are 400 problems."""

import base64
import json
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from orders_api.cursor import encode_cursor
from orders_api.pagination import Key
from orders_api.problems import INVALID_CURSOR, ORDER_NOT_FOUND, VALIDATION_ERROR

MEMBERS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status: int, type_: str | None = None) -> dict:
    assert response.status_code == status, response.text
    content_type = response.headers.get("content-type")
    assert content_type == "application/problem+json", (
        f"errors are served as application/problem+json, got {content_type}"
    )
    body = response.json()
    missing = MEMBERS - body.keys()
    assert not missing, f"problem members missing: {sorted(missing)} in {body}"
    assert body["status"] == status
    assert isinstance(body["detail"], str) and body["detail"], (
        "detail is one human sentence, not FastAPI's list of errors"
    )
    assert isinstance(body["title"], str) and body["title"]
    if type_ is not None:
        assert body["type"] == type_
    return body


def two_pages_in(api, seed, url: str) -> str:
    for _ in range(3):
        seed()
    response = api.get(url)
    assert response.status_code == 200, response.text
    cursor = response.json()["next_cursor"]
    assert cursor, "this setup needs a next page"
    return cursor


ERRORS = {
    "order-not-found": ("GET", "/orders/999", None, 404, ORDER_NOT_FOUND),
    "no-such-route": ("GET", "/nowhere", None, 404, "about:blank"),
    "method-not-allowed": ("DELETE", "/orders", None, 405, "about:blank"),
    "limit-too-big": ("GET", "/orders?limit=101", None, 422, VALIDATION_ERROR),
    "limit-zero": ("GET", "/orders?limit=0", None, 422, VALIDATION_ERROR),
    "limit-not-a-number": ("GET", "/orders?limit=ten", None, 422, VALIDATION_ERROR),
    "unknown-status-filter": ("GET", "/orders?status=lost", None, 422, VALIDATION_ERROR),
    "bad-order-body": ("POST", "/orders", {"user_id": 0, "item": ""}, 422, VALIDATION_ERROR),
    "garbage-cursor": ("GET", "/orders?cursor=garbage", None, 400, INVALID_CURSOR),
}


@pytest.mark.parametrize("case", ERRORS.values(), ids=ERRORS.keys())
def test_every_error_is_a_problem(api, case):
    method, url, body, status, type_ = case

    response = api.request(method, url, json=body)

    problem = assert_problem(response, status, type_)
    assert problem["instance"] == url.split("?")[0]
    if type_ == "about:blank":
        assert problem["title"] in {"Not Found", "Method Not Allowed"}, (
            "with type about:blank the title is the HTTP status phrase"
        )


def test_method_not_allowed_problem_keeps_allow_header(api):
    response = api.delete("/orders")

    assert_problem(response, 405)
    assert response.headers.get("allow"), "a 405 must say which methods are allowed"


def test_validation_problem_lists_each_bad_field(api):
    response = api.post("/orders", json={"user_id": 0, "item": "", "quantity": 5})

    problem = assert_problem(response, 422, VALIDATION_ERROR)
    fields = sorted(error["field"] for error in problem["errors"])
    assert fields == ["body.item", "body.user_id"]
    assert all(error["message"] for error in problem["errors"])


def test_tampered_cursor_is_a_400_problem(api, seed):
    cursor = two_pages_in(api, seed, "/orders?limit=2")
    payload, signature = cursor.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["q"]["user_id"] = 2  # jump into somebody else's listing
    forged_payload = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    response = api.get("/orders", params={"user_id": 2, "cursor": f"{forged_payload}.{signature}"})

    assert_problem(response, 400, INVALID_CURSOR)


def test_cursor_from_another_query_is_a_400_problem(api, seed):
    cursor = two_pages_in(api, seed, "/orders?user_id=1&limit=2")

    response = api.get("/orders", params={"user_id": 2, "limit": 2, "cursor": cursor})

    problem = assert_problem(response, 400, INVALID_CURSOR)
    assert "filter" in problem["detail"]


def test_cursor_works_with_another_page_size(api, seed):
    cursor = two_pages_in(api, seed, "/orders?limit=2")

    response = api.get("/orders", params={"limit": 5, "cursor": cursor})

    assert response.status_code == 200, response.text
    assert len(response.json()["data"]) == 1


def test_cursor_from_another_deployment_is_a_400_problem(api, seed):
    seed()
    foreign = encode_cursor(
        Key(created_at=datetime(2026, 3, 1), id=1), {"user_id": None, "status": None}, b"staging"
    )

    response = api.get("/orders", params={"cursor": foreign})

    assert_problem(response, 400, INVALID_CURSOR)


def test_unexpected_error_is_a_500_problem_that_leaks_nothing(app, clock):
    def broken_clock():
        raise RuntimeError("disk /var/lib/orders is full")

    app.state.clock = broken_clock
    with TestClient(app, raise_server_exceptions=False) as api:
        response = api.post("/orders", json={"user_id": 1, "item": "lamp"})

    problem = assert_problem(response, 500, "about:blank")
    assert problem["title"] == "Internal Server Error"
    assert "/var/lib" not in response.text and "RuntimeError" not in response.text
