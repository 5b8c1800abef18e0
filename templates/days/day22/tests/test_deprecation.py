"""Every v1 response, success or error, announces its deprecation, sunset and successor."""

from email.utils import parsedate_to_datetime

import pytest

from orders_api.problems import ORDER_NOT_FOUND
from shop_api.versioning import DEPRECATED_SINCE, SUNSET_AT
from tests.helpers import links

V1_RESPONSES = {
    "list": ("GET", "/v1/orders?limit=2", None, 200, "/v2/orders"),
    "get": ("GET", "/v1/orders/3", None, 200, "/v2/orders/3"),
    "create": ("POST", "/v1/orders", {"user_id": 9, "item": "lamp"}, 201, "/v2/orders"),
    "not-found": ("GET", "/v1/orders/999", None, 404, "/v2/orders/999"),
    "invalid-body": ("POST", "/v1/orders", {"item": ""}, 422, "/v2/orders"),
    "invalid-cursor": ("GET", "/v1/orders?cursor=x", None, 400, "/v2/orders"),
    "no-such-route": ("GET", "/v1/nowhere", None, 404, "/v2/nowhere"),
    "negotiated": ("GET", "/orders/3", None, 200, "/v2/orders/3"),
}


@pytest.mark.parametrize("case", V1_RESPONSES.values(), ids=V1_RESPONSES.keys())
def test_every_v1_response_is_marked_deprecated(shop, case):
    method, url, body, status, successor = case

    response = shop.request(method, url, json=body)

    assert response.status_code == status, response.text
    assert response.headers.get("deprecation") == f"@{int(DEPRECATED_SINCE.timestamp())}", (
        "Deprecation is a structured date: @ and the Unix time (RFC 9745)"
    )
    sunset = response.headers.get("sunset")
    assert sunset, "v1 responses need a Sunset header"
    assert sunset.endswith(" GMT") and parsedate_to_datetime(sunset) == SUNSET_AT, (
        f"Sunset is an HTTP-date such as 'Thu, 31 Dec 2026 23:59:59 GMT', got {sunset!r}"
    )
    assert links(response).get("successor-version") == successor


def test_v1_list_keeps_next_link_beside_successor(shop):
    response = shop.get("/v1/orders?limit=2")

    found = links(response)
    assert "next" in found, 'the page\'s Link rel="next" was lost next to the deprecation link'
    assert found.get("successor-version") == "/v2/orders"
    assert shop.get(found["next"]).status_code == 200


def test_successor_link_leads_to_the_same_order(shop):
    v1 = shop.get("/v1/orders/3")
    successor = links(v1).get("successor-version")
    assert successor, 'v1 responses need Link: <...>; rel="successor-version"'

    v2 = shop.get(successor)

    assert v2.status_code == 200, v2.text
    assert v2.json()["id"] == v1.json()["id"] == 3


@pytest.mark.parametrize("url", ["/v2/orders", "/v2/orders/3", "/v2/orders/999"])
def test_v2_responses_are_not_deprecated(shop, url):
    response = shop.get(url)

    if url.endswith("999"):
        assert response.status_code == 404
        assert response.json()["type"] == ORDER_NOT_FOUND, response.text
    else:
        assert response.status_code == 200, response.text
    assert "deprecation" not in response.headers and "sunset" not in response.headers
    assert "successor-version" not in links(response)
