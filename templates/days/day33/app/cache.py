"""A time-to-live cache in front of a secret provider.

Asking Vault on every request costs a round trip and makes Vault a hard dependency of every
request; caching forever means a rotated secret is never seen. A TTL bounds both: a rotation
reaches the service at most `ttl_seconds` after it happened in Vault.
"""

from __future__ import annotations

from app.clock import Clock
from app.providers import SecretProvider


class CachedProvider:
    """Serves each path from memory for `ttl_seconds` after it was fetched, then fetches again."""

    def __init__(self, provider: SecretProvider, *, ttl_seconds: float, clock: Clock) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self._provider = provider
        self._ttl = ttl_seconds
        self._clock = clock
        self._entries: dict[str, tuple[float, dict[str, str]]] = {}

    def read(self, path: str) -> dict[str, str]:
        """The secret at `path`: from the cache while its entry is younger than the TTL.

        An entry fetched at time t is fresh while now < t + ttl; at t + ttl it is fetched again.
        A failed fetch is not cached. Callers get a copy, so they cannot edit the cache.
        """
        # BEGIN SOLUTION
        now = self._clock()
        entry = self._entries.get(path)
        if entry is not None and now < entry[0] + self._ttl:
            return dict(entry[1])
        data = self._provider.read(path)
        self._entries[path] = (now, dict(data))
        return dict(data)
        # STARTER: raise NotImplementedError("TODO(day33): serve the copy until the TTL ends")
        # END SOLUTION
