"""X-Request-Id: echoed when the client sends a safe one, generated otherwise, on every response,
by both implementations."""

import re

from tests.services import Service


def test_a_safe_request_id_is_echoed_back(service: Service):
    for request_id in ["abc-123", "req_2025.06.01-0007", "f" * 64]:
        response = service.get("/health", headers={"X-Request-Id": request_id})
        assert response.headers.get("X-Request-Id") == request_id

    # Even a 404 from a route that does not exist carries it.
    missing = service.get("/no-such-route", headers={"X-Request-Id": "trace-me"})
    assert missing.status_code == 404
    assert missing.headers.get("X-Request-Id") == "trace-me"


def test_a_missing_or_unsafe_request_id_is_replaced_by_a_fresh_one(service: Service):
    unsafe = ["x" * 65, "two words", "", "abc-123\tinjected", "ok;rm"]
    generated = [
        service.get("/health").headers.get("X-Request-Id"),
        service.get("/health").headers.get("X-Request-Id"),
    ] + [
        service.get("/health", headers={"X-Request-Id": value}).headers.get("X-Request-Id")
        for value in unsafe
    ]

    for value in generated:
        assert value is not None
        assert re.fullmatch(r"[0-9a-f]{32}", value), value
    assert len(set(generated)) == len(generated), "every request needs its own id"
