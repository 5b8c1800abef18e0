"""Check every data store of the day and print one status line per store.

    uv run python -m app.connect_all                     # offline: SQLite + fakeredis
    uv run --env-file .env python -m app.connect_all     # against compose.yaml's services

The exit code is 0 when no check failed and 1 otherwise, so scripts and CI can use it.
"""

import os
import sys
import uuid  # noqa: F401  (for the TODOs below)
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

import httpx
import redis
from sqlalchemy import Engine, text  # noqa: F401  (text: for the TODOs below)
from sqlalchemy.exc import SQLAlchemyError  # noqa: F401  (for the TODOs below)

from app.adapters import DEFAULT_DATABASE_URL, qdrant_http, redis_client, sql_engine

OK, FAIL, SKIPPED = "ok", "fail", "skipped"


@dataclass(frozen=True)
class CheckResult:
    store: str  # "sql", "redis" or "qdrant"
    status: str  # OK, FAIL or SKIPPED
    detail: str  # a short human explanation: a version, an error message, a reason


def short_error(exc: BaseException) -> str:
    """`ExceptionName: first line of the message`, short enough for a table cell (given)."""
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first_line}"[:120]


def check_sql(engine: Engine) -> CheckResult:
    """Run `SELECT 1` and expect 1 back.

    ok:   detail is "<dialect> <server version>", e.g. "sqlite 3.45.1" or "postgresql 17.6"
          (engine.dialect.name and engine.dialect.server_version_info, filled in after connecting).
    fail: any SQLAlchemyError; detail is short_error(exc). Never let the exception escape.
    """
    # BEGIN SOLUTION
    try:
        with engine.connect() as connection:
            value = connection.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError as exc:
        return CheckResult("sql", FAIL, short_error(exc))
    if value != 1:
        return CheckResult("sql", FAIL, f"SELECT 1 returned {value!r}")
    version = ".".join(str(part) for part in engine.dialect.server_version_info or ())
    return CheckResult("sql", OK, f"{engine.dialect.name} {version}".strip())
    # STARTER: raise NotImplementedError("TODO(day05): SELECT 1 and report the dialect and version")
    # END SOLUTION


def check_redis(client: redis.Redis) -> CheckResult:
    """PING, then a write/read round trip on a unique key with a short TTL, then delete the key.

    ok:   detail says the round trip worked.
    fail: any redis.RedisError, or the value read back differs from the one written.
    A health check must not leave data behind: the key is gone afterwards.
    """
    # BEGIN SOLUTION
    key = f"day05:healthcheck:{uuid.uuid4().hex}"
    try:
        client.ping()
        client.set(key, "ok", ex=30)
        value = client.get(key)
        client.delete(key)
    except redis.RedisError as exc:
        return CheckResult("redis", FAIL, short_error(exc))
    if value not in (b"ok", "ok"):
        return CheckResult("redis", FAIL, f"wrote 'ok' but read back {value!r}")
    return CheckResult("redis", OK, "PING and SET/GET round trip")
    # STARTER: raise NotImplementedError("TODO(day05): PING, SET/GET/DELETE a unique key")
    # END SOLUTION


def check_qdrant(client: httpx.Client | None) -> CheckResult:
    """GET Qdrant's readiness endpoint, /readyz (/healthz and /livez are liveness probes).

    skipped: client is None (QDRANT_URL not set); detail says so.
    ok:      HTTP 200; detail is the response text.
    fail:    any other status (detail names it), or an httpx.HTTPError such as a refused
             connection or a timeout (detail is short_error(exc)).
    """
    # BEGIN SOLUTION
    if client is None:
        return CheckResult("qdrant", SKIPPED, "QDRANT_URL is not set")
    try:
        response = client.get("/readyz")
    except httpx.HTTPError as exc:
        return CheckResult("qdrant", FAIL, short_error(exc))
    if response.status_code != 200:
        return CheckResult("qdrant", FAIL, f"HTTP {response.status_code} from /readyz")
    return CheckResult("qdrant", OK, response.text.strip() or "ready")
    # STARTER: raise NotImplementedError("TODO(day05): GET /readyz and map the outcome")
    # END SOLUTION


def exit_code(results: list[CheckResult]) -> int:
    """0 when no result failed (skipped is not a failure), 1 otherwise."""
    # BEGIN SOLUTION
    return 1 if any(result.status == FAIL for result in results) else 0
    # STARTER: raise NotImplementedError("TODO(day05): 0 when nothing failed, else 1")
    # END SOLUTION


def redact(url: str) -> str:
    """Hide the password in a URL before printing it (given)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def run_checks(
    env: Mapping[str, str], qdrant_transport: httpx.BaseTransport | None = None
) -> list[tuple[CheckResult, str]]:
    """Build each adapter from `env`, run its check, return (result, target) pairs (given)."""
    database_url = env.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = env.get("REDIS_URL")
    qdrant_url = env.get("QDRANT_URL")

    engine = sql_engine(database_url)
    try:
        sql_result = check_sql(engine)
    finally:
        engine.dispose()

    cache = redis_client(redis_url)
    try:
        redis_result = check_redis(cache)
    finally:
        cache.close()

    http = qdrant_http(qdrant_url, transport=qdrant_transport) if qdrant_url else None
    try:
        qdrant_result = check_qdrant(http)
    finally:
        if http is not None:
            http.close()

    return [
        (sql_result, redact(database_url)),
        (redis_result, redact(redis_url) if redis_url else "fakeredis (in process)"),
        (qdrant_result, qdrant_url or "-"),
    ]


def format_table(rows: list[tuple[CheckResult, str]]) -> str:
    """Fixed-width columns: store, status, target, detail (given)."""
    lines = [("STORE", "STATUS", "TARGET", "DETAIL")]
    lines += [(r.store, r.status.upper(), target, r.detail) for r, target in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line[:3], widths, strict=True))
        + "  "
        + line[3]
        for line in lines
    )


def main(
    env: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    qdrant_transport: httpx.BaseTransport | None = None,
) -> int:
    rows = run_checks(os.environ if env is None else env, qdrant_transport)
    print(format_table(rows), file=out or sys.stdout)
    return exit_code([result for result, _ in rows])


if __name__ == "__main__":
    raise SystemExit(main())
