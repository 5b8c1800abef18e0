"""What the gateway needs from the Orders service, as a small typed client.

This client is the *consumer* in the gateway/orders contract: every field it reads and every
status code it handles is something the Orders service must keep. Fields it does not read
(such as an order's items) the Orders service may change freely.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class OrderView:
    id: int
    user_id: int
    status: str
    total_cents: int

    @classmethod
    def from_json(cls, data: dict) -> OrderView:
        return cls(
            id=int(data["id"]),
            user_id=int(data["user_id"]),
            status=str(data["status"]),
            total_cents=int(data["total_cents"]),
        )


class OrderNotFound(Exception):
    """The Orders service answered 404."""


class TransitionRefused(Exception):
    """The Orders service answered 409: the order's status does not allow the action."""


class OrdersClient:
    def __init__(self, base_url: str, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.transport = transport

    def _http(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=5.0, transport=self.transport)

    def get_order(self, order_id: int) -> OrderView:
        with self._http() as http:
            response = http.get(f"/orders/{order_id}")
        if response.status_code == 404:
            raise OrderNotFound(order_id)
        response.raise_for_status()
        return OrderView.from_json(response.json())

    def pay(self, order_id: int) -> OrderView:
        with self._http() as http:
            response = http.post(f"/orders/{order_id}/pay")
        if response.status_code == 404:
            raise OrderNotFound(order_id)
        if response.status_code == 409:
            raise TransitionRefused(response.json()["detail"])
        response.raise_for_status()
        return OrderView.from_json(response.json())
