"""v2: the new order representation, with day 21's paging and errors."""

from orders_api.problems import INVALID_CURSOR, ORDER_NOT_FOUND
from tests.helpers import walk


def test_v2_order_has_the_new_shape(shop):
    response = shop.get("/v2/orders/4")

    assert response.status_code == 200, response.text
    assert response.json() == {
        "id": 4,
        "customer_id": 7,
        "items": [{"name": "cable", "quantity": 3}],
        "status": "pending",
        "placed_at": "2026-03-01T09:03:00Z",
    }


def test_v2_list_pages_like_v1(shop):
    pages = walk(shop, "/v2/orders?limit=2")

    assert pages == [[5, 4], [3, 2], [1]]


def test_v2_filters_by_customer(shop):
    response = shop.get("/v2/orders", params={"customer_id": 7, "status": "pending"})

    assert response.status_code == 200, response.text
    assert [o["id"] for o in response.json()["data"]] == [4, 3, 1]
    assert {o["customer_id"] for o in response.json()["data"]} == {7}


def test_v2_errors_are_the_same_problems(shop):
    missing = shop.get("/v2/orders/999")
    bad_cursor = shop.get("/v2/orders?cursor=garbage")

    assert missing.status_code == 404 and missing.json()["type"] == ORDER_NOT_FOUND
    assert bad_cursor.status_code == 400 and bad_cursor.json()["type"] == INVALID_CURSOR
    assert bad_cursor.headers["content-type"] == "application/problem+json"
