"""API8 security misconfiguration: headers on every response, nothing internal in errors."""

import logging

from fastapi.testclient import TestClient

from app.main import create_app, server_config
from tests.helpers import ADA, auth


def assert_security_headers(response):
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    assert "default-src 'none'" in csp, (response.status_code, csp)
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") in ("no-referrer", "same-origin", "strict-origin")
    assert "server" not in headers


def test_security_headers_are_on_successful_responses(client):
    response = client.get("/products/search", params={"q": "cup"})
    assert response.status_code == 200
    assert_security_headers(response)


def test_security_headers_are_on_error_responses_too(client):
    responses = [
        client.get("/orders/999", headers=auth(ADA)),  # 404 from a route
        client.get("/no/such/route"),  # 404 from the router
        client.get("/orders/1"),  # 401
        client.get("/products/search"),  # 422
        client.put("/orders/1", headers=auth(ADA)),  # 405
    ]
    assert [r.status_code for r in responses] == [404, 404, 401, 422, 405]
    for response in responses:
        assert_security_headers(response)


def test_a_crash_answers_500_with_an_error_id_and_no_internals(db, caplog):
    db.fail_on = "FROM orders"
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        with caplog.at_level(logging.ERROR):
            response = client.get("/orders", headers=auth(ADA))

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert body["detail"] == "internal error"
    assert len(body["error_id"]) >= 16
    for secret in ("SELECT", "malformed", "OperationalError", "Traceback", "user_id", "sqlite"):
        assert secret not in response.text
    assert_security_headers(response)
    # The details are not lost: they are in the log, under the id the client got.
    assert body["error_id"] in caplog.text
    assert "OperationalError" in caplog.text


def test_the_server_banner_is_switched_off(db):
    config = server_config(create_app(db))
    assert config.server_header is False
