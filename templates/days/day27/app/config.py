"""Where Redis lives.

With REDIS_URL unset the app uses fakeredis, an in-memory Redis that speaks the same protocol
(with lupa installed it runs Lua scripts too), so the lab runs anywhere. Set REDIS_URL (see
.env.example) and the same code talks to the Redis container from compose.yaml.
"""

from __future__ import annotations

import os

import fakeredis
import redis


def redis_client() -> redis.Redis:
    """A Redis client that returns str instead of bytes."""
    url = os.environ.get("REDIS_URL")
    if url:
        return redis.Redis.from_url(url, decode_responses=True)
    return fakeredis.FakeRedis(decode_responses=True)
