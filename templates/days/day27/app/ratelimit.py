"""A sliding-window rate limiter that keeps its state in Redis.

Each client has a sorted set `ratelimit:<client>`: one member per accepted request, scored by the
request's time in milliseconds. A request is allowed when fewer than `limit` members are younger
than `window_seconds`. The check and the update happen inside one Lua script
(app/sliding_window.lua) that Redis runs atomically, so every app server sharing the Redis sees
one consistent count. The script is registered once; each request is then a single EVALSHA.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from pathlib import Path

import redis

from app.clock import Clock

SCRIPT_PATH = Path(__file__).with_name("sliding_window.lua")


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    # Whole seconds to wait before a request can succeed (the Retry-After header); 0 if allowed.
    retry_after: int


class SlidingWindowLimiter:
    def __init__(
        self,
        r: redis.Redis,
        clock: Clock,
        limit: int = 5,
        window_seconds: int = 60,
        prefix: str = "ratelimit",
    ) -> None:
        if limit < 1 or window_seconds < 1:
            raise ValueError("limit and window_seconds must be at least 1")
        self.r = r
        self.clock = clock
        self.limit = limit
        self.window_ms = window_seconds * 1000
        self.prefix = prefix
        # register_script hashes the script once; calling it sends EVALSHA <sha> (and loads the
        # script by itself the first time the server does not know the sha).
        self.script = r.register_script(SCRIPT_PATH.read_text(encoding="utf-8"))

    def key(self, client_id: str) -> str:
        return f"{self.prefix}:{client_id}"

    def hit(self, client_id: str) -> Decision:
        """Count one request of `client_id` and say whether it may proceed.

        One call to the registered script per request: the time comes from self.clock (in whole
        milliseconds), and each request needs a member name of its own, or two requests in the
        same millisecond would count once. Retry-After is rounded up, and is at least 1.
        """
        # BEGIN SOLUTION
        now_ms = int(self.clock.now() * 1000)
        member = f"{now_ms}-{secrets.token_hex(8)}"
        allowed, remaining, retry_ms = self.script(
            keys=[self.key(client_id)], args=[now_ms, self.window_ms, self.limit, member]
        )
        if allowed:
            return Decision(True, self.limit, int(remaining), 0)
        return Decision(False, self.limit, 0, max(1, math.ceil(int(retry_ms) / 1000)))
        # STARTER: raise NotImplementedError("TODO(day27): one call to self.script per request")
        # END SOLUTION
