"""Unversioned paths pick their version from the Accept header; unknown versions get a 406."""

import pytest

from shop_api.versioning import UNSUPPORTED_VERSION, requested_version

V2 = "application/vnd.shop.v2+json"


@pytest.mark.parametrize(
    ("accept", "version"),
    [
        (None, None),
        ("application/json", None),
        ("*/*", None),
        (V2, 2),
        ("application/vnd.shop.v1+json", 1),
        ("application/vnd.shop.v3+json", 3),
        ("application/json;q=0.5, application/vnd.shop.v2+json;q=1", 2),
        ("Application/VND.Shop.V2+JSON", 2),
        ("application/vnd.shop.v2+xml", None),
    ],
)
def test_requested_version_reads_the_vendor_media_type(accept, version):
    assert requested_version(accept) == version


def test_accept_v2_gets_the_v2_shape(shop):
    response = shop.get("/orders/3", headers={"Accept": V2})

    assert response.status_code == 200, response.text
    assert response.json()["customer_id"] == 7
    assert "Accept" in response.headers.get("vary", ""), "negotiated responses need Vary: Accept"
    assert "deprecation" not in response.headers


def test_accept_v1_gets_the_v1_shape(shop):
    response = shop.get("/orders/3", headers={"Accept": "application/vnd.shop.v1+json"})

    assert response.status_code == 200, response.text
    assert response.json()["user_id"] == 7
    assert "Accept" in response.headers.get("vary", "")
    assert response.headers.get("deprecation")


def test_negotiated_list_pages_stay_in_their_version(shop):
    first = shop.get("/orders?limit=2", headers={"Accept": V2})
    assert first.status_code == 200, first.text

    second = shop.get(
        "/orders",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers={"Accept": V2},
    )

    assert second.status_code == 200, second.text
    assert [o["id"] for o in second.json()["data"]] == [3, 2]
    assert all("customer_id" in o for o in second.json()["data"])


@pytest.mark.parametrize("version", [0, 3, 99])
def test_unknown_version_is_406_problem(shop, version):
    response = shop.get("/orders/3", headers={"Accept": f"application/vnd.shop.v{version}+json"})

    assert response.status_code == 406, (
        f"v{version} does not exist: answer 406, do not guess another version. got {response.text}"
    )
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == UNSUPPORTED_VERSION
    assert problem["status"] == 406
    assert {"title", "detail", "instance"} <= problem.keys()
    assert "application/vnd.shop.v2+json" in problem["supported"]


def test_url_version_wins_over_accept(shop):
    response = shop.get("/v1/orders/3", headers={"Accept": V2})

    assert response.status_code == 200, response.text
    assert response.json()["user_id"] == 7
