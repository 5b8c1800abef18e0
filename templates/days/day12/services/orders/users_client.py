"""How the Orders service talks to the Users service: over HTTP, through its public contract.

The contract used here is a single endpoint of the Users service:

    GET /users/{user_id}  ->  200 {"id": ..., "name": ..., "email": ...}  |  404
"""

from __future__ import annotations

import os
from typing import Any

import httpx

DEFAULT_USERS_URL = "http://127.0.0.1:8001"
DEFAULT_TIMEOUT_SECONDS = "2.0"


def setting(name: str, default: str) -> str:
    """A setting from the environment (twelve-factor style), with a development default."""
    return os.environ.get(name, default)


class UsersUnavailable(Exception):
    """The Users service could not give an answer: unreachable, too slow, or failing (5xx)."""


class UsersClient:
    def __init__(
        self,
        base_url: str,
        timeout: float = float(DEFAULT_TIMEOUT_SECONDS),
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Tests pass a transport (ASGITransport or MockTransport); in production it stays None
        # and httpx opens real connections.
        self.transport = transport

    @classmethod
    def from_env(cls, transport: httpx.AsyncBaseTransport | None = None) -> UsersClient:
        """Build a client from USERS_URL and USERS_TIMEOUT_SECONDS (with the defaults above)."""
        # BEGIN SOLUTION
        base_url = setting("USERS_URL", DEFAULT_USERS_URL)
        timeout = float(setting("USERS_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
        return cls(base_url, timeout=timeout, transport=transport)
        # STARTER: raise NotImplementedError("TODO(day12): read USERS_URL, USERS_TIMEOUT_SECONDS")
        # END SOLUTION

    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url, timeout=self.timeout, transport=self.transport
        )

    async def get_user(self, user_id: int) -> dict[str, Any] | None:
        """The user as a dict, None if Users answers 404, UsersUnavailable if it cannot answer."""
        # BEGIN SOLUTION
        try:
            async with self._http() as http:
                response = await http.get(f"/users/{user_id}")
        except httpx.TransportError as exc:  # connection refused, DNS failure, timeouts...
            raise UsersUnavailable(f"users service unreachable: {exc!r}") from exc
        if response.status_code == 404:
            return None
        if response.status_code >= 500:
            raise UsersUnavailable(f"users service answered {response.status_code}")
        response.raise_for_status()
        return response.json()
        # STARTER: raise NotImplementedError("TODO(day12): GET /users/{id} and map the outcomes")
        # END SOLUTION
