"""A fake Payments service with a ledger, as an httpx transport.

    POST /charges  {"order_id", "amount_cents"}  [Idempotency-Key: k]
        -> 201 the new charge | 200 the charge already made with key k | 402 declined
    GET  /charges?order_id=N  -> 200 [charges of order N]

Every charge it makes lands in `ledger`, so a test sees a customer charged twice.
"""

from __future__ import annotations

import asyncio
import json

import httpx

DECLINE_ABOVE_CENTS = 100_000


class FakePayments(httpx.AsyncBaseTransport):
    def __init__(self, gate: asyncio.Event | None = None) -> None:
        self.ledger: list[dict] = []
        self.by_key: dict[str, dict] = {}
        self.requests: list[httpx.Request] = []
        # With a gate, requests wait inside the service until the test opens it.
        self.gate = gate
        self.in_flight = 0
        self.peak_in_flight = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            return self.handle(request)
        finally:
            self.in_flight -= 1

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == "/charges":
            body = json.loads(request.content)
            key = request.headers.get("idempotency-key")
            if key is not None and key in self.by_key:
                return httpx.Response(200, json=self.by_key[key])
            if body["amount_cents"] > DECLINE_ABOVE_CENTS:
                return httpx.Response(402, json={"detail": "card declined"})
            charge = {
                "id": f"ch_{len(self.ledger) + 1}",
                "order_id": body["order_id"],
                "amount_cents": body["amount_cents"],
            }
            self.ledger.append(charge)
            if key is not None:
                self.by_key[key] = charge
            return httpx.Response(201, json=charge)
        if request.method == "GET" and request.url.path == "/charges":
            order_id = int(request.url.params["order_id"])
            return httpx.Response(200, json=[c for c in self.ledger if c["order_id"] == order_id])
        return httpx.Response(404, json={"detail": "not found"})

    def charges_of(self, order_id: int) -> list[dict]:
        return [c for c in self.ledger if c["order_id"] == order_id]
