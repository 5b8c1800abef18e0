"""The Orders service's client for the Users contract: GET /users/{id}."""

import asyncio

import httpx
import pytest

from services.orders.users_client import UsersClient, UsersUnavailable


def test_client_takes_base_url_and_timeout_from_the_environment(monkeypatch):
    monkeypatch.setenv("USERS_URL", "http://users.internal:8001/")
    monkeypatch.setenv("USERS_TIMEOUT_SECONDS", "0.75")
    client = UsersClient.from_env()
    assert client.base_url == "http://users.internal:8001"
    assert client.timeout == pytest.approx(0.75)


def test_client_gets_the_user_from_the_users_base_url():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": 7, "name": "Ada", "email": "ada@example.com"})

    client = UsersClient("http://users.internal:8001", transport=httpx.MockTransport(handler))
    user = asyncio.run(client.get_user(7))

    assert user == {"id": 7, "name": "Ada", "email": "ada@example.com"}
    assert [(r.method, str(r.url)) for r in seen] == [("GET", "http://users.internal:8001/users/7")]


def test_client_returns_none_when_users_answers_404():
    transport = httpx.MockTransport(lambda request: httpx.Response(404, json={"detail": "nope"}))
    client = UsersClient("http://users.test", transport=transport)
    assert asyncio.run(client.get_user(99)) is None


def test_client_raises_users_unavailable_when_users_cannot_answer():
    failures = [httpx.ConnectError("connection refused"), httpx.ReadTimeout("too slow"), 500]
    for failure in failures:

        def handler(request: httpx.Request, failure=failure) -> httpx.Response:
            if isinstance(failure, Exception):
                raise failure
            return httpx.Response(failure)

        client = UsersClient("http://users.test", transport=httpx.MockTransport(handler))
        with pytest.raises(UsersUnavailable):
            asyncio.run(client.get_user(1))


def test_every_call_to_users_carries_the_configured_timeout():
    """Without a timeout, a Users service that hangs makes every order request hang with it."""
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get("timeout", {}))
        return httpx.Response(200, json={"id": 7, "name": "Ada", "email": "ada@example.com"})

    client = UsersClient("http://users.test", timeout=0.75, transport=httpx.MockTransport(handler))
    assert asyncio.run(client.get_user(7)) is not None
    assert seen and all(
        timeout.get(phase) == pytest.approx(0.75)
        for timeout in seen
        for phase in ("connect", "read", "write", "pool")
    ), f"the request went out with timeouts {seen}"
