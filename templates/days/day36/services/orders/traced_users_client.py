"""Day 12's UsersClient, with the current request id on every call to the Users service."""

from __future__ import annotations

import httpx

from observability.request_id import propagate_request_id
from services.orders.users_client import UsersClient


class TracedUsersClient(UsersClient):
    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout,
            transport=self.transport,
            event_hooks={"request": [propagate_request_id]},
        )
