"""The shop over HTTP: 429 + Retry-After, session cookies rotated on login, the leaderboard."""

import pytest
from fastapi.testclient import TestClient

from app.shop import COOKIE, create_app


@pytest.fixture
def limited_app(r, clock):
    return create_app(r, clock, limit=5, window_seconds=60)


@pytest.fixture
def app(r, clock):
    """The shop without the rate limiter, for the session and leaderboard tests."""
    return create_app(r, clock, rate_limited=False)


def browser(app):
    return TestClient(app)


def test_sixth_request_gets_429_with_retry_after_and_the_window_resets(limited_app, clock):
    client = browser(limited_app)
    for i in range(5):
        response = client.get("/leaderboard")
        assert response.status_code == 200, response.text
        assert response.headers["X-RateLimit-Limit"] == "5"
        assert response.headers["X-RateLimit-Remaining"] == str(4 - i)
        clock.advance(2)

    refused = client.get("/leaderboard")  # 10 s after the first
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "50"
    assert refused.headers["X-RateLimit-Remaining"] == "0"

    assert client.get("/health").status_code == 200, "/health must not be rate limited"

    clock.advance(60)
    assert client.get("/leaderboard").status_code == 200, "the window never reset"


def test_login_rotates_the_session_id_so_a_planted_id_is_useless(app):
    attacker = browser(app)
    planted = attacker.post("/cart/items", json={"sku": "KB-01", "quantity": 1})
    assert planted.status_code == 201
    fixed_id = planted.cookies[COOKIE]

    victim = browser(app)
    victim.cookies.set(COOKIE, fixed_id)  # the attacker got the victim to use this id
    victim.post("/cart/items", json={"sku": "MS-02", "quantity": 2})
    login = victim.post(
        "/login", json={"email": "ada@example.com", "password": "analytical-engine"}
    )
    assert login.status_code == 200, login.text
    new_id = login.cookies.get(COOKIE)
    assert new_id and new_id != fixed_id, "login kept the session id: session fixation"
    assert "httponly" in login.headers["set-cookie"].lower()

    victim.cookies.clear()
    victim.cookies.set(COOKIE, new_id)
    me = victim.get("/me")
    assert me.status_code == 200
    assert me.json()["user"] == "ada@example.com"
    assert [item["sku"] for item in me.json()["cart"]] == ["KB-01", "MS-02"], "cart was lost"

    assert attacker.get("/me").status_code == 401, "the planted id still opens Ada's session"


def test_wrong_password_gets_no_session_and_logout_destroys_the_session(app, r):
    client = browser(app)
    refused = client.post("/login", json={"email": "ada@example.com", "password": "guess"})
    assert refused.status_code == 401
    assert COOKIE not in refused.cookies
    assert r.keys("session:*") == []

    client.post("/login", json={"email": "alan@example.com", "password": "enigma-machine"})
    assert client.get("/me").status_code == 200
    assert client.post("/logout").status_code == 204
    assert r.keys("session:*") == []
    assert client.get("/me").status_code == 401


def test_checkout_feeds_the_leaderboard(app):
    ada, alan = browser(app), browser(app)
    ada.post("/login", json={"email": "ada@example.com", "password": "analytical-engine"})
    alan.post("/login", json={"email": "alan@example.com", "password": "enigma-machine"})
    ada.post("/cart/items", json={"sku": "KB-01", "quantity": 2})
    ada.post("/cart/items", json={"sku": "MS-02", "quantity": 1})
    alan.post("/cart/items", json={"sku": "KB-01", "quantity": 1})
    alan.post("/cart/items", json={"sku": "CB-03", "quantity": 5})
    assert ada.post("/checkout").status_code == 200
    assert alan.post("/checkout").status_code == 200
    assert ada.post("/checkout").status_code == 409, "the cart should be empty after checkout"

    board = ada.get("/leaderboard", params={"limit": 2}).json()
    assert board == [
        {"rank": 1, "sku": "CB-03", "sold": 5},
        {"rank": 2, "sku": "KB-01", "sold": 3},
    ]
    assert ada.get("/leaderboard/MS-02").json() == {"rank": 3, "sku": "MS-02", "sold": 1}
    assert ada.get("/leaderboard/XX-99").status_code == 404
