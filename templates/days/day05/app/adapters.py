"""Small client adapters: turn a URL from the environment into a client object.

The same code talks to the real services from compose.yaml or to stand-ins that need nothing
installed, depending only on whether the URL is set:

    variable       set                              unset
    DATABASE_URL   SQLAlchemy engine (psycopg 3)    in-memory SQLite
    REDIS_URL      redis.Redis                      fakeredis (an in-process fake)
    QDRANT_URL     httpx.Client on that base URL    (the check is skipped)
"""

import fakeredis  # noqa: F401  (for the TODOs below)
import httpx
import redis
from sqlalchemy import Engine, create_engine  # noqa: F401  (create_engine: for the TODOs)

DEFAULT_DATABASE_URL = "sqlite+pysqlite:///:memory:"


def sql_engine(url: str | None) -> Engine:
    """Return an engine for `url`, or for DEFAULT_DATABASE_URL when `url` is None or empty.

    Postgres URLs are often written `postgres://...` or `postgresql://...`. SQLAlchemy reads the
    second as "use psycopg2", which is not installed here, and does not know the first at all.
    Rewrite both to `postgresql+psycopg://...` (psycopg 3). Keep any other URL as it is.
    Creating an engine does not connect yet; the first query does. For Postgres, also pass
    `connect_args={"connect_timeout": 3}` so a check against a host that never answers gives up
    after a few seconds instead of hanging.
    """
    # BEGIN SOLUTION
    if not url:
        url = DEFAULT_DATABASE_URL
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url.removeprefix(prefix)
    if url.startswith("postgresql+psycopg://"):
        return create_engine(url, connect_args={"connect_timeout": 3})
    return create_engine(url)
    # STARTER: raise NotImplementedError("TODO(day05): pick the engine from DATABASE_URL")
    # END SOLUTION


def redis_client(url: str | None) -> redis.Redis:
    """Return `redis.Redis.from_url(url)`, or a `fakeredis.FakeRedis()` when `url` is unset.

    Like engines, Redis clients connect lazily: nothing touches the network until a command.
    """
    # BEGIN SOLUTION
    if not url:
        return fakeredis.FakeRedis()
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    # STARTER: raise NotImplementedError("TODO(day05): pick the Redis client from REDIS_URL")
    # END SOLUTION


def qdrant_http(
    url: str, transport: httpx.BaseTransport | None = None, timeout: float = 2.0
) -> httpx.Client:
    """An HTTP client for Qdrant's REST API at `url` (given).

    `transport` is the seam for tests: pass `httpx.MockTransport(handler)` and every request goes
    to `handler(request)` instead of the network. Leave it None to use the real network.
    """
    return httpx.Client(base_url=url, transport=transport, timeout=timeout)
