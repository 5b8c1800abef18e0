"""Day 1: can this machine reach Postgres?

Usage, once `docker compose up -d` reports the database as healthy:

    python -m app.check_db               # exit code 0 = reachable, 1 = not reachable
    python -m app.check_db --attempts 10 # keep trying while the container starts

Where to connect comes from the environment: DATABASE_URL when it is set, otherwise the
separate POSTGRES_* variables, otherwise defaults that match compose.yaml.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

VERSION_QUERY = "SELECT version()"

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 5432
DEFAULT_USER = "course"
DEFAULT_DBNAME = "backend_course"

# Schemes accepted in DATABASE_URL ("postgresql+psycopg" is the SQLAlchemy spelling).
URL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class DbSettings:
    """Where and as whom to connect."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    user: str = DEFAULT_USER
    # BEGIN SOLUTION
    password: str = field(default="", repr=False)
    # STARTER: password: str = field(default="")  # TODO(day01): keep it out of repr()
    # END SOLUTION
    dbname: str = DEFAULT_DBNAME

    def safe_url(self) -> str:
        """The target as a URL with the password masked: safe to print and to log.

        DbSettings("db", 5432, "app", "s3cret", "shop") -> "postgresql://app:***@db:5432/shop"
        and without a password -> "postgresql://app@db:5432/shop".
        """
        # BEGIN SOLUTION
        secret = ":***" if self.password else ""
        return f"postgresql://{self.user}{secret}@{self.host}:{self.port}/{self.dbname}"
        # STARTER: raise NotImplementedError("TODO(day01): a URL that never shows the password")
        # END SOLUTION


def load_settings(env: Mapping[str, str] | None = None) -> DbSettings:
    """Build DbSettings from `env` (default: the process environment).

    - DATABASE_URL, when set and not empty, wins: postgresql://user:password@host:port/dbname.
      Its scheme must be one of URL_SCHEMES; user, password and dbname are percent-decoded
      ("p%40ss" means "p@ss"); a part the URL leaves out takes its default.
    - Otherwise POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB
      are used, each falling back to its default. The port becomes an int.
    - Raises ValueError for a URL or a port that cannot be used; the message must not contain
      the password.
    """
    env = os.environ if env is None else env
    # BEGIN SOLUTION
    url = env.get("DATABASE_URL", "").strip()
    if url:
        return _settings_from_url(url)
    return DbSettings(
        host=env.get("POSTGRES_HOST") or DEFAULT_HOST,
        port=_parse_port(env.get("POSTGRES_PORT") or str(DEFAULT_PORT)),
        user=env.get("POSTGRES_USER") or DEFAULT_USER,
        password=env.get("POSTGRES_PASSWORD", ""),
        dbname=env.get("POSTGRES_DB") or DEFAULT_DBNAME,
    )
    # STARTER: raise NotImplementedError("TODO(day01): read DATABASE_URL or the POSTGRES_* vars")
    # END SOLUTION


# BEGIN SOLUTION
def _settings_from_url(url: str) -> DbSettings:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme not in URL_SCHEMES:
        shown = parts.scheme or "(no scheme)"
        raise ValueError(f"DATABASE_URL must start with postgresql://, not {shown}://")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ValueError("DATABASE_URL has a port that is not a number from 1 to 65535") from None
    return DbSettings(
        host=parts.hostname or DEFAULT_HOST,
        port=port,
        user=unquote(parts.username) if parts.username else DEFAULT_USER,
        password=unquote(parts.password or ""),
        dbname=unquote(parts.path.lstrip("/")) or DEFAULT_DBNAME,
    )


def _parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise ValueError(f"POSTGRES_PORT must be a number, got {text!r}") from None
    if not 1 <= port <= 65535:
        raise ValueError(f"POSTGRES_PORT must be between 1 and 65535, got {port}")
    return port


# END SOLUTION
class Cursor(Protocol):
    """The part of a DB-API cursor we use (psycopg and sqlite3 cursors both fit)."""

    def execute(self, query: str) -> object: ...

    def fetchone(self) -> Sequence[Any] | None: ...

    def close(self) -> None: ...


class Connection(Protocol):
    """The part of a DB-API connection we use."""

    def cursor(self) -> Cursor: ...

    def close(self) -> None: ...


Connect = Callable[[DbSettings], Connection]


def connect_postgres(settings: DbSettings) -> Connection:
    """Open a real connection with psycopg (imported here, so offline tests never need it)."""
    import psycopg

    return psycopg.connect(
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=settings.password,
        dbname=settings.dbname,
        connect_timeout=5,
    )


@dataclass(frozen=True)
class CheckResult:
    """What check() found out."""

    ok: bool
    message: str
    server_version: str | None = None
    attempts: int = 1

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def check(
    settings: DbSettings,
    connect: Connect = connect_postgres,
    *,
    query: str = VERSION_QUERY,
    attempts: int = 1,
    delay: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> CheckResult:
    """Connect, run `query`, and report the first column of the first row.

    - Tries up to `attempts` times and calls `sleep(delay)` between two tries (never after the
      last one): a database container that was just started needs a few seconds.
    - Always closes what it opened, also when the query fails.
    - Never raises for a connection or query error: it returns a failed CheckResult whose
      message names the target (safe_url) and the error, with the password masked even if the
      driver's error text happens to contain it.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    # BEGIN SOLUTION
    last_error: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            version = _ask_server(settings, connect, query)
        except Exception as exc:  # any driver error means "not reachable right now"
            last_error = exc
            if attempt < attempts:
                sleep(delay)
            continue
        return CheckResult(
            ok=True,
            message=f"connected to {settings.safe_url()}: {version}",
            server_version=version,
            attempts=attempt,
        )
    reason = f"{type(last_error).__name__}: {last_error}"
    if settings.password:
        reason = reason.replace(settings.password, "***")
    return CheckResult(
        ok=False,
        message=f"could not reach {settings.safe_url()} after {attempts} attempt(s): {reason}",
        attempts=attempts,
    )
    # STARTER: raise NotImplementedError("TODO(day01): connect, query, return a CheckResult")
    # END SOLUTION


# BEGIN SOLUTION
def _ask_server(settings: DbSettings, connect: Connect, query: str) -> str:
    conn = connect(settings)
    try:
        cur = conn.cursor()
        try:
            cur.execute(query)
            row = cur.fetchone()
        finally:
            cur.close()
    finally:
        conn.close()
    if not row:
        raise RuntimeError(f"{query!r} returned no row")
    return str(row[0])


# END SOLUTION
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app.check_db", description="Check that Postgres answers a query."
    )
    parser.add_argument("--attempts", type=int, default=5, help="how many tries (default: 5)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between tries")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    connect: Connect = connect_postgres,
    sleep: Callable[[float], None] = time.sleep,
    out: TextIO | None = None,
) -> int:
    """Parse the options, load the settings, run check() and print the outcome to `out`.

    Returns the process exit code: 0 reachable, 1 not reachable, 2 unusable settings
    (print a short explanation in that case too). The password is never printed.
    """
    # BEGIN SOLUTION
    args = build_parser().parse_args(argv)
    out = sys.stdout if out is None else out
    try:
        settings = load_settings(env)
    except ValueError as exc:
        print(f"FAILED: invalid database settings: {exc}", file=out)
        return 2
    print(f"Checking {settings.safe_url()} ...", file=out)
    result = check(settings, connect, attempts=args.attempts, delay=args.delay, sleep=sleep)
    print(("OK: " if result.ok else "FAILED: ") + result.message, file=out)
    return result.exit_code
    # STARTER: raise NotImplementedError("TODO(day01): load settings, run check(), print, return")
    # END SOLUTION


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
