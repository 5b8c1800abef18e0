"""One request id per request, kept from a safe caller, and the same in every service."""

import pytest
from conftest import build_shop

from observability.request_id import REQUEST_ID, SAFE_REQUEST_ID


def ids(records: list[dict]) -> set[str]:
    return {record.get("request_id") for record in records}


def test_a_safe_inbound_request_id_is_kept_in_every_service():
    shop = build_shop()
    user_id = shop.register()
    shop.users_logs.take()
    response = shop.place_order(user_id, headers={"X-Request-Id": "checkout-42.a_b"})
    assert response.status_code == 201, response.text
    assert response.headers[REQUEST_ID] == "checkout-42.a_b"
    assert ids(shop.orders_logs.take()) == {"checkout-42.a_b"}
    assert ids(shop.users_logs.take()) == {"checkout-42.a_b"}


def test_the_request_id_travels_to_the_downstream_service():
    shop = build_shop()
    user_id = shop.register()
    shop.users_logs.take()
    response = shop.place_order(user_id)
    request_id = response.headers.get(REQUEST_ID)
    assert request_id and SAFE_REQUEST_ID.fullmatch(request_id), "every response has an id"
    sent = [call.headers.get(REQUEST_ID) for call in shop.downstream.requests]
    assert sent == [request_id], "the call to the Users service carries the same X-Request-Id"
    assert ids(shop.users_logs.take()) == {request_id}, "Users logs under the caller's id"
    assert ids(shop.orders_logs.take()) == {request_id}


@pytest.mark.parametrize(
    "unsafe",
    ["has spaces", "x" * 65, 'id"}{"level":"error', "<script>", "ids,two", ""],
    ids=["spaces", "too-long", "json-injection", "markup", "comma", "empty"],
)
def test_an_unsafe_inbound_request_id_is_replaced(unsafe):
    shop = build_shop()
    user_id = shop.register()
    shop.users_logs.take()
    response = shop.place_order(user_id, headers={"X-Request-Id": unsafe})
    request_id = response.headers[REQUEST_ID]
    assert request_id != unsafe and SAFE_REQUEST_ID.fullmatch(request_id)
    assert ids(shop.orders_logs.take()) == {request_id}
    assert [call.headers.get(REQUEST_ID) for call in shop.downstream.requests] == [request_id]
    assert ids(shop.users_logs.take()) == {request_id}


def test_one_id_per_request_not_per_line():
    shop = build_shop()
    user_id = shop.register()
    seen = []
    for _ in range(2):
        response = shop.place_order(user_id)
        records = shop.orders_logs.take()
        assert len(records) >= 2, "checking the user, placing the order, the summary"
        assert ids(records) == {response.headers[REQUEST_ID]}, "every line of a request: one id"
        seen.append(response.headers[REQUEST_ID])
    assert seen[0] != seen[1], "each request gets its own id"
