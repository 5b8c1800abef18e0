"""X-Request-Id: echoed when the client sends a safe one, generated otherwise, on every response."""

import re

from fastapi.testclient import TestClient


def test_a_safe_request_id_is_echoed_back(client: TestClient):
    for request_id in ["abc-123", "req_2025.06.01-0007", "f" * 64]:
        response = client.get("/health", headers={"X-Request-Id": request_id})
        assert response.headers.get("X-Request-Id") == request_id

    # Even a 404 from a route that does not exist carries it.
    missing = client.get("/no-such-route", headers={"X-Request-Id": "trace-me"})
    assert missing.status_code == 404
    assert missing.headers.get("X-Request-Id") == "trace-me"


def test_a_missing_or_unsafe_request_id_is_replaced_by_a_fresh_one(client: TestClient):
    generated = [
        client.get("/health").headers.get("X-Request-Id"),
        client.get("/health").headers.get("X-Request-Id"),
        client.get("/health", headers={"X-Request-Id": "x" * 65}).headers.get("X-Request-Id"),
        client.get("/health", headers={"X-Request-Id": "two words"}).headers.get("X-Request-Id"),
        client.get("/health", headers={"X-Request-Id": ""}).headers.get("X-Request-Id"),
    ]

    for value in generated:
        assert value is not None
        assert re.fullmatch(r"[0-9a-f]{32}", value), value
    assert len(set(generated)) == len(generated), "every request needs its own id"
