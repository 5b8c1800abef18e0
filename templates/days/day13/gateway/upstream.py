"""Where the gateway sends traffic: one Upstream per backend service."""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

DEFAULT_TIMEOUT_SECONDS = "2.0"


@dataclass(frozen=True)
class Upstream:
    name: str
    base_url: str
    timeout: float = float(DEFAULT_TIMEOUT_SECONDS)
    # Tests plug in httpx.ASGITransport (the real app, in process) or httpx.MockTransport.
    transport: httpx.AsyncBaseTransport | None = None

    @classmethod
    def from_env(cls, name: str, url_variable: str, default_url: str) -> Upstream:
        """Read the address from `url_variable` and the timeout from UPSTREAM_TIMEOUT_SECONDS."""
        return cls(
            name=name,
            base_url=os.environ.get(url_variable, default_url).rstrip("/"),
            timeout=float(os.environ.get("UPSTREAM_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS)),
        )

    def client(self) -> httpx.AsyncClient:
        """A client bound to this upstream's base URL and timeout; use it with `async with`."""
        return httpx.AsyncClient(
            base_url=self.base_url, timeout=self.timeout, transport=self.transport
        )
