"""When a service behind the gateway fails, the client gets a clear 502 or 504."""

import httpx


def failing(exc_type: type[httpx.TransportError]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc_type("upstream trouble", request=request)

    return httpx.MockTransport(handler)


def test_unreachable_upstream_gives_502_with_a_request_id(gateway_with):
    with gateway_with(orders=failing(httpx.ConnectError)) as gateway:
        response = gateway.get("/orders", params={"user_id": 1})
    assert response.status_code == 502
    assert response.json()["upstream"] == "orders"
    assert response.headers.get("x-request-id")


def test_slow_upstream_gives_504(gateway_with):
    with gateway_with(users=failing(httpx.ReadTimeout)) as gateway:
        response = gateway.get("/users/1")
    assert response.status_code == 504
    assert response.json()["upstream"] == "users"
