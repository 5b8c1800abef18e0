"""Freshness: who may store a response, for how long, and what it varies on."""

import pytest

from tests.conftest import directives

HASHED = ["app.3f9a1c2e.js", "styles.8b1d0e44.css"]
UNHASHED = ["index.html", "robots.txt"]


@pytest.mark.parametrize("name", HASHED)
def test_hashed_assets_are_cached_for_a_year_and_immutable(api, name):
    response = api.get(f"/static/{name}")
    assert response.status_code == 200
    got = directives(response.headers.get("cache-control", ""))
    assert "public" in got
    assert got.get("max-age") == "31536000"
    assert "immutable" in got, "a content-hashed name never changes: say so with immutable"


@pytest.mark.parametrize("name", UNHASHED)
def test_unhashed_files_are_never_immutable(api, name):
    response = api.get(f"/static/{name}")
    assert response.status_code == 200
    got = directives(response.headers.get("cache-control", ""))
    assert got, f"/static/{name} sends no Cache-Control"
    assert "immutable" not in got, f"{name} changes under the same name at the next deploy"
    assert int(got.get("max-age") or 0) <= 300, "a long max-age pins an old index.html"
    assert "no-cache" in got or "must-revalidate" in got


def test_personal_orders_are_private_and_not_stored(api):
    assert api.get("/me/orders").status_code == 401, "no token, no orders"
    response = api.get("/me/orders", headers={"Authorization": "Bearer token-ada"})
    assert response.status_code == 200
    assert {o["user_id"] for o in response.json()} == {1}
    got = directives(response.headers.get("cache-control", ""))
    assert "public" not in got, "a shared cache would hand Ada's orders to the next visitor"
    assert "private" in got and "no-store" in got
    assert "s-maxage" not in got


@pytest.mark.parametrize("path", ["/products", "/products/1"])
def test_product_data_is_public_but_revalidated_and_varies_on_language(api, path):
    response = api.get(path, headers={"Accept-Language": "fr"})
    got = directives(response.headers.get("cache-control", ""))
    assert "public" in got and "no-cache" in got
    assert "immutable" not in got
    vary = {v.strip().lower() for v in response.headers.get("vary", "").split(",")}
    assert "accept-language" in vary, "the body depends on Accept-Language: a cache must know"
    assert response.headers.get("content-language") == "fr"
