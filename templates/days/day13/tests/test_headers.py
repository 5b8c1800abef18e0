"""What crosses the gateway: selected headers only, plus a request id for tracing."""

import httpx


def recording_upstream(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={"id": 1, "name": "Ada", "email": "ada@example.com"},
            headers={"x-powered-by": "users/1.4.2", "x-internal-shard": "eu-7"},
        )

    return httpx.MockTransport(handler)


def test_only_selected_headers_cross_the_gateway_in_both_directions(gateway_with):
    seen: list[httpx.Request] = []
    with gateway_with(users=recording_upstream(seen)) as gateway:
        response = gateway.get(
            "/users/1",
            headers={
                "Authorization": "Bearer t0ken",
                "Cookie": "session=abc",
                "X-Debug-Mode": "on",
            },
        )
    assert response.status_code == 200
    assert len(seen) == 1
    sent = seen[0].headers
    assert sent["authorization"] == "Bearer t0ken"
    assert "cookie" not in sent and "x-debug-mode" not in sent
    assert "x-powered-by" not in response.headers
    assert "x-internal-shard" not in response.headers
    assert response.headers["content-type"] == "application/json"


def test_gateway_creates_a_request_id_and_sends_it_both_ways(gateway_with):
    seen: list[httpx.Request] = []
    with gateway_with(users=recording_upstream(seen)) as gateway:
        first = gateway.get("/users/1")
        second = gateway.get("/users/1")
    assert [r.status_code for r in (first, second)] == [200, 200]
    ids = [response.headers.get("x-request-id") for response in (first, second)]
    assert all(ids) and ids[0] != ids[1], "each request needs its own id"
    assert [request.headers.get("x-request-id") for request in seen] == ids


def test_gateway_keeps_the_request_id_chosen_by_the_caller(gateway_with):
    seen: list[httpx.Request] = []
    with gateway_with(users=recording_upstream(seen)) as gateway:
        response = gateway.get("/users/1", headers={"X-Request-Id": "trace-123"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "trace-123"
    assert seen[0].headers["x-request-id"] == "trace-123"


def test_gateway_replaces_an_unsafe_request_id_from_the_caller(gateway_with):
    seen: list[httpx.Request] = []
    unsafe = ["x" * 65, "two words", "<script>", "a/b", "a" * 4000]
    with gateway_with(users=recording_upstream(seen)) as gateway:
        answers = [gateway.get("/users/1", headers={"X-Request-Id": bad}) for bad in unsafe]
    assert [response.status_code for response in answers] == [200] * len(unsafe)
    assert len(seen) == len(unsafe)
    for bad, response, request in zip(unsafe, answers, seen, strict=True):
        assert response.headers["x-request-id"] != bad, f"echoed the unsafe id {bad[:20]!r}"
        assert request.headers["x-request-id"] == response.headers["x-request-id"]
