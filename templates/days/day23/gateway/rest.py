"""The gateway's only way to the shop's data: the REST APIs of the Users and Orders services.

Every read here is a *batch* read (many ids, one request). Nothing in this module caches:
caching per request is the job of the DataLoaders (gateway/loaders.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

Row = dict[str, Any]
# The most ids one batch endpoint accepts (MAX_BATCH in services/*/batch.py); more is a 422.
BATCH_LIMIT = 100


class UpstreamError(Exception):
    """A service could not answer (unreachable, too slow, 5xx). Shown to clients as an error."""


class Rejected(Exception):
    """A service refused a write (4xx); the message is its `detail`, safe to show to clients."""


@dataclass(frozen=True)
class Service:
    name: str
    base_url: str
    timeout: float = 2.0
    # Tests plug in httpx.ASGITransport (the real app, in process), often wrapped in a recorder.
    transport: httpx.AsyncBaseTransport | None = None

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            async with httpx.AsyncClient(
                base_url=self.base_url, timeout=self.timeout, transport=self.transport
            ) as http:
                response = await http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise UpstreamError(f"{self.name} did not answer: {type(exc).__name__}") from exc
        if response.status_code >= 500:
            raise UpstreamError(f"{self.name} answered {response.status_code}")
        return response


@dataclass(frozen=True)
class ShopClient:
    users: Service
    orders: Service

    @classmethod
    def from_env(cls) -> ShopClient:
        return cls(
            users=Service("users", os.environ.get("USERS_URL", "http://127.0.0.1:8001")),
            orders=Service("orders", os.environ.get("ORDERS_URL", "http://127.0.0.1:8002")),
        )

    async def users_by_ids(self, ids: Iterable[int]) -> list[Row]:
        """GET /users:batchGet: the users found, in id order; unknown ids are left out."""
        return await self._read(self.users, "/users:batchGet", {"id": list(ids)})

    async def orders_by_ids(self, ids: Iterable[int]) -> list[Row]:
        """GET /orders:batchGet: the orders found, in id order; unknown ids are left out."""
        return await self._read(self.orders, "/orders:batchGet", {"id": list(ids)})

    async def orders_of_users(self, user_ids: Iterable[int]) -> list[Row]:
        """GET /orders:search: every order of these users, in order id order."""
        return await self._read(self.orders, "/orders:search", {"user_id": list(user_ids)})

    async def place_order(self, user_id: int, items: list[Row]) -> Row:
        """POST /orders; Rejected when Orders refuses it (unknown user, invalid items)."""
        response = await self.orders.request(
            "POST", "/orders", json={"user_id": user_id, "items": items}
        )
        if 400 <= response.status_code < 500:
            raise Rejected(str(response.json().get("detail", response.reason_phrase)))
        response.raise_for_status()
        return response.json()

    @staticmethod
    async def _read(service: Service, path: str, params: dict[str, list[int]]) -> list[Row]:
        response = await service.request("GET", path, params=params)
        response.raise_for_status()
        return response.json()
