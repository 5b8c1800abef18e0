"""The Orders service's client for Payments, with every resilience layer in one place.

    bulkhead  ->  retry policy  ->  circuit breaker  ->  HTTP call with a timeout

The bulkhead is outermost (a rejected call costs nothing); retries go through the breaker, so
each attempt counts for it and an open breaker ends the retries at once.
"""

from __future__ import annotations

import os

import httpx

from app.breaker import CircuitBreaker, CircuitOpen
from app.bulkhead import Bulkhead, BulkheadFull
from app.retry import RETRYABLE_STATUS, RetryableStatus, RetryPolicy

# connect: how long to wait for a TCP connection; read: for each chunk of the answer.
DEFAULT_TIMEOUT = httpx.Timeout(2.0, connect=0.5)


class PaymentsUnavailable(Exception):
    """Payments could not be reached or did not answer; the caller may try again later."""

    def __init__(self, reason: str, retry_after: float = 1.0) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class CardDeclined(Exception):
    pass


class PaymentsClient:
    def __init__(
        self,
        base_url: str = "http://payments.test",
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        breaker: CircuitBreaker | None = None,
        bulkhead: Bulkhead | None = None,
    ) -> None:
        # BEGIN SOLUTION
        self._http = httpx.AsyncClient(base_url=base_url, transport=transport, timeout=timeout)
        # STARTER: self._http = httpx.AsyncClient(base_url=base_url, transport=transport)
        # END SOLUTION
        self.retry = retry if retry is not None else RetryPolicy()
        self.breaker = breaker if breaker is not None else CircuitBreaker()
        self.bulkhead = bulkhead if bulkhead is not None else Bulkhead(10)

    @classmethod
    def from_env(cls) -> PaymentsClient:
        return cls(os.environ.get("PAYMENTS_URL", "http://127.0.0.1:8003"))

    async def charge(
        self, order_id: int, amount_cents: int, *, idempotency_key: str | None
    ) -> dict:
        """Charge an order once. Retried only when an Idempotency-Key makes a repeat safe."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}

        async def attempt() -> httpx.Response:
            response = await self._http.post(
                "/charges",
                json={"order_id": order_id, "amount_cents": amount_cents},
                headers=headers,
            )
            return checked(response)

        # BEGIN SOLUTION
        retryable = idempotency_key is not None
        # STARTER: retryable = False  # TODO(day40): when is it safe to send this POST twice?
        # END SOLUTION
        response = await self._guarded(attempt, retryable=retryable)
        if response.status_code == 402:
            raise CardDeclined(response.json()["detail"])
        return response.json()

    async def charges_of(self, order_id: int) -> list[dict]:
        """The charges Payments holds for an order (a GET: safe to repeat)."""

        async def attempt() -> httpx.Response:
            return checked(await self._http.get("/charges", params={"order_id": order_id}))

        response = await self._guarded(attempt, retryable=True)
        return response.json()

    async def _guarded(self, attempt, *, retryable: bool) -> httpx.Response:
        """One call through bulkhead, retry policy and breaker; failures as PaymentsUnavailable."""
        # BEGIN SOLUTION
        try:
            async with self.bulkhead:
                return await self.retry.run(lambda: self.breaker.call(attempt), retryable=retryable)
        except BulkheadFull as exc:
            raise PaymentsUnavailable(f"too many payments calls in flight: {exc}") from exc
        except CircuitOpen as exc:
            raise PaymentsUnavailable(str(exc), retry_after=exc.retry_after) from exc
        except (httpx.TransportError, RetryableStatus) as exc:
            raise PaymentsUnavailable(f"payments failed: {exc!r}") from exc
        # STARTER: raise NotImplementedError("TODO(day40): bulkhead, then retries, then breaker")
        # END SOLUTION

    async def aclose(self) -> None:
        await self._http.aclose()


def checked(response: httpx.Response) -> httpx.Response:
    """Turn a retryable status into an exception, so retries and the breaker see it."""
    if response.status_code in RETRYABLE_STATUS:
        raise RetryableStatus(response.status_code)
    return response
