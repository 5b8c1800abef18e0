"""An application cache for costly computations: TTL on an injectable clock, and single-flight.

Single-flight: when many requests miss the same key at once, one of them computes and the
others wait for that result instead of each running the query (a cache stampede).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from cachetools import TTLCache

HIT, MISS, SHARED = "hit", "miss", "shared"


class SingleFlightCache:
    def __init__(
        self, ttl: float, clock: Callable[[], float] = time.monotonic, maxsize: int = 1024
    ) -> None:
        self._values: TTLCache = TTLCache(maxsize=maxsize, ttl=ttl, timer=clock)
        # key -> the future every concurrent caller of that key waits on
        self._flights: dict[Hashable, asyncio.Future] = {}

    async def get_or_compute(
        self, key: Hashable, compute: Callable[[], Awaitable[Any]]
    ) -> tuple[Any, str]:
        """Return `(value, how)`, `how` being HIT, MISS (this call computed) or SHARED (it
        waited for another call's computation). A failed computation is not cached: all its
        waiters get the error and the next call computes again."""
        # BEGIN SOLUTION
        try:
            return self._values[key], HIT
        except KeyError:
            pass
        flight = self._flights.get(key)
        if flight is not None:
            return await asyncio.shield(flight), SHARED
        flight = asyncio.get_running_loop().create_future()
        self._flights[key] = flight
        try:
            value = await compute()
        except BaseException as exc:
            if self._flights.get(key) is flight:
                del self._flights[key]
            if isinstance(exc, Exception):
                flight.set_exception(exc)
                flight.exception()  # the waiters re-raise it; nobody has to "retrieve" it
            else:
                flight.cancel()
            raise
        # An invalidate() while we computed removed our flight: the value may predate the
        # write, so hand it to our waiters but do not keep it.
        if self._flights.get(key) is flight:
            del self._flights[key]
            self._values[key] = value
        flight.set_result(value)
        return value, MISS
        # STARTER: raise NotImplementedError("TODO(day39): cached value or one computation")
        # END SOLUTION

    def invalidate(self, key: Hashable) -> None:
        """Forget `key`, including a computation in progress (its result may be stale)."""
        # BEGIN SOLUTION
        self._values.pop(key, None)
        self._flights.pop(key, None)
        # STARTER: raise NotImplementedError("TODO(day39): forget the key after a write")
        # END SOLUTION
