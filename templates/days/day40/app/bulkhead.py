"""A bulkhead: at most `max_in_flight` calls to one dependency at a time.

A slow dependency holds every request that waits for it. Without a limit, it soon holds all
of the service's workers and connections, and endpoints that never call it stop too. With a
bulkhead, the call that would exceed the limit is rejected at once (`BulkheadFull`): it does
not queue.
"""

from __future__ import annotations


class BulkheadFull(Exception):
    pass


class Bulkhead:
    def __init__(self, max_in_flight: int) -> None:
        self.max_in_flight = max_in_flight
        self.in_flight = 0
        self.rejected = 0

    async def __aenter__(self) -> Bulkhead:
        # BEGIN SOLUTION
        if self.in_flight >= self.max_in_flight:
            self.rejected += 1
            raise BulkheadFull(f"{self.in_flight} calls already in flight")
        self.in_flight += 1
        return self
        # STARTER: raise NotImplementedError("TODO(day40): admit, or reject at once when full")
        # END SOLUTION

    async def __aexit__(self, *exc_info: object) -> None:
        # BEGIN SOLUTION
        self.in_flight -= 1
        # STARTER: raise NotImplementedError("TODO(day40): free the slot")
        # END SOLUTION
