"""v1 is frozen: its responses equal the ones recorded when v2 was started (tests/golden/)."""

import json
from pathlib import Path

import pytest

GOLDEN = json.loads((Path(__file__).parent / "golden" / "v1_responses.json").read_text())

# name -> (method, url, json body); "{cursor}" is the next_cursor of the first list page.
REQUESTS = {
    "list-first-page": ("GET", "/v1/orders?limit=2", None),
    "list-second-page": ("GET", "/v1/orders?limit=2&cursor={cursor}", None),
    "list-filtered": ("GET", "/v1/orders?user_id=7&status=pending", None),
    "get-order": ("GET", "/v1/orders/3", None),
    "create-order": ("POST", "/v1/orders", {"user_id": 9, "item": "lamp", "quantity": 4}),
    "order-not-found": ("GET", "/v1/orders/999", None),
    "invalid-body": ("POST", "/v1/orders", {"user_id": 0, "item": "lamp"}),
    "invalid-cursor": ("GET", "/v1/orders?cursor=garbage", None),
    "limit-too-big": ("GET", "/v1/orders?limit=500", None),
}


def record(api, method: str, url: str, body) -> dict:
    if "{cursor}" in url:
        first = api.get("/v1/orders?limit=2")
        assert first.status_code == 200, first.text
        url = url.replace("{cursor}", first.json()["next_cursor"])
    response = api.request(method, url, json=body)
    return {
        "status": response.status_code,
        "content_type": response.headers.get("content-type"),
        "body": response.json(),
    }


@pytest.mark.parametrize("name", REQUESTS)
def test_v1_matches_golden(shop, name):
    method, url, body = REQUESTS[name]

    actual = record(shop, method, url, body)

    assert actual == GOLDEN[name], (
        f"v1 changed for {method} {url}. v1 is frozen: put the change in v2.\n"
        f"golden: {json.dumps(GOLDEN[name])}\nnow:    {json.dumps(actual)}"
    )


@pytest.mark.parametrize("name", ["list-first-page", "list-filtered", "get-order"])
def test_unversioned_request_without_version_is_v1(shop, name):
    """Day 21's clients call /orders with no version: they must keep getting exactly v1."""
    method, url, body = REQUESTS[name]

    actual = record(shop, method, url.removeprefix("/v1"), body)

    assert actual == GOLDEN[name]
