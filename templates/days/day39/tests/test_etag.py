"""Validators: a strong ETag derived from the bytes sent, and 304 when the client has them."""

import pytest

from app.http_cache import if_none_match, strong_etag
from tests.conftest import etag_of


def test_a_product_has_a_strong_etag_that_is_stable_across_requests(api):
    first = api.get("/products/1")
    second = api.get("/products/1")
    assert first.status_code == 200
    etag = first.headers.get("etag")
    assert etag, "GET /products/1 sends no ETag"
    assert not etag.startswith("W/"), "a weak ETag cannot promise byte-identical bodies"
    assert etag.startswith('"') and etag.endswith('"'), "an entity tag is a quoted string"
    assert second.headers.get("etag") == etag, "same bytes must give the same ETag"


def test_the_etag_changes_when_the_product_changes(api):
    before = etag_of(api.get("/products/2"))
    api.put("/products/2", json={"name": "Coffee grinder", "price_cents": 3900})
    after = api.get("/products/2")
    assert after.json()["price_cents"] == 3900
    assert after.headers.get("etag") != before, "the price changed but the ETag did not"


def test_different_products_and_languages_get_different_etags(api):
    one = etag_of(api.get("/products/1"))
    two = etag_of(api.get("/products/2"))
    french = api.get("/products/1", headers={"Accept-Language": "fr-FR"})
    assert french.json()["name"] == "Tasse à espresso"
    assert len({one, two, french.headers.get("etag")}) == 3


def test_a_matching_if_none_match_gives_304_without_a_body(api):
    etag = etag_of(api.get("/products/1"))
    again = api.get("/products/1", headers={"If-None-Match": etag})
    assert again.status_code == 304, "the client holds the current bytes: answer 304"
    assert again.content == b""
    assert again.headers.get("etag") == etag, "a 304 repeats the validator"
    assert again.headers.get("cache-control"), "a 304 repeats the caching headers"


def test_a_stale_etag_gets_the_new_body(api):
    old = etag_of(api.get("/products/3"))
    api.put("/products/3", json={"name": "Milk jug", "price_cents": 1700})
    fresh = api.get("/products/3", headers={"If-None-Match": old})
    assert fresh.status_code == 200
    assert fresh.json()["price_cents"] == 1700


def test_the_catalogue_listing_is_revalidated_with_304_too(api):
    etag = etag_of(api.get("/products"))
    assert api.get("/products", headers={"If-None-Match": etag}).status_code == 304


def test_static_files_answer_304_to_a_matching_etag(api):
    etag = etag_of(api.get("/static/index.html"))
    again = api.get("/static/index.html", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


def test_strong_etag_depends_on_every_byte():
    assert strong_etag(b"abc") == strong_etag(b"abc")
    assert strong_etag(b"abc") != strong_etag(b"abd")
    assert not strong_etag(b"abc").startswith("W/")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, False),
        ('"a"', True),
        ('"b"', False),
        ('"b", "a"', True),
        ('W/"a"', True),
        ("*", True),
        ('"ab"', False),
    ],
)
def test_if_none_match_compares_each_listed_tag(header, expected):
    assert if_none_match(header, '"a"') is expected
