"""check() and main() against fakes and SQLite: no Postgres needed, except for the live test."""

import io
import sqlite3

import pytest

from app.check_db import DbSettings, check, connect_postgres, load_settings, main

SETTINGS = DbSettings(host="db", port=5432, user="app", password="hunter2", dbname="shop")


class FakeCursor:
    def __init__(self, conn: "FakeConnection") -> None:
        self.conn = conn

    def execute(self, query: str) -> None:
        self.conn.queries.append(query)
        if self.conn.query_error is not None:
            raise self.conn.query_error

    def fetchone(self) -> tuple[str]:
        return (self.conn.version,)

    def close(self) -> None:
        self.conn.cursors_closed += 1


class FakeConnection:
    """Behaves like a tiny DB-API connection and remembers what happened to it."""

    def __init__(self, version: str = "PostgreSQL 17.6 (fake)", query_error=None) -> None:
        self.version = version
        self.query_error = query_error
        self.queries: list[str] = []
        self.cursors_closed = 0
        self.closed = False

    def cursor(self) -> FakeCursor:
        return FakeCursor(self)

    def close(self) -> None:
        self.closed = True


def refuse(settings: DbSettings) -> FakeConnection:
    # Some drivers put the whole connection string into their error text.
    raise ConnectionRefusedError(
        f"connection to postgresql://{settings.user}:{settings.password}@db:5432 refused"
    )


def test_check_runs_the_version_query_and_closes_the_connection():
    conn = FakeConnection()
    seen: list[DbSettings] = []

    def connect(settings: DbSettings) -> FakeConnection:
        seen.append(settings)
        return conn

    result = check(SETTINGS, connect)

    assert result.ok is True
    assert result.exit_code == 0
    assert result.server_version == "PostgreSQL 17.6 (fake)"
    assert "PostgreSQL 17.6" in result.message
    assert "hunter2" not in result.message
    assert seen == [SETTINGS]
    assert conn.queries == ["SELECT version()"]
    assert conn.cursors_closed == 1
    assert conn.closed is True


def test_check_works_against_sqlite_through_the_same_interface():
    result = check(
        SETTINGS, lambda _settings: sqlite3.connect(":memory:"), query="SELECT sqlite_version()"
    )

    assert result.ok is True
    assert result.server_version == sqlite3.sqlite_version


def test_check_failure_gives_a_clear_message_without_the_password():
    result = check(SETTINGS, refuse)

    assert result.ok is False
    assert result.exit_code == 1
    assert result.server_version is None
    assert "db:5432" in result.message
    assert "refused" in result.message
    assert "hunter2" not in result.message

    # A query that fails is a failure too, and the connection still gets closed.
    conn = FakeConnection(query_error=RuntimeError("permission denied for function version"))
    broken = check(SETTINGS, lambda _settings: conn)
    assert broken.ok is False
    assert "permission denied" in broken.message
    assert conn.closed is True


def test_check_retries_while_the_database_starts():
    sleeps: list[float] = []
    calls = 0

    def flaky(settings: DbSettings) -> FakeConnection:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise ConnectionRefusedError("the database system is starting up")
        return FakeConnection()

    result = check(SETTINGS, flaky, attempts=5, delay=0.5, sleep=sleeps.append)

    assert result.ok is True
    assert result.attempts == 3
    assert sleeps == [0.5, 0.5]

    sleeps.clear()
    given_up = check(SETTINGS, refuse, attempts=3, delay=2.0, sleep=sleeps.append)
    assert given_up.ok is False
    assert given_up.attempts == 3
    assert sleeps == [2.0, 2.0]  # no pointless wait after the last attempt
    assert "3 attempt" in given_up.message


def test_main_prints_the_outcome_and_returns_the_exit_code():
    env = {"POSTGRES_HOST": "db", "POSTGRES_PASSWORD": "hunter2"}

    out = io.StringIO()
    code = main(["--attempts", "1"], env=env, connect=lambda _s: FakeConnection(), out=out)
    assert code == 0
    assert "PostgreSQL 17.6" in out.getvalue()
    assert "hunter2" not in out.getvalue()

    out = io.StringIO()
    code = main(["--attempts", "2"], env=env, connect=refuse, sleep=lambda _s: None, out=out)
    assert code == 1
    assert "db:5432" in out.getvalue()
    assert "hunter2" not in out.getvalue()

    out = io.StringIO()
    bad_env = {"DATABASE_URL": "mysql://app:hunter2@db/shop"}
    code = main([], env=bad_env, connect=lambda _s: FakeConnection(), out=out)
    assert code == 2
    assert out.getvalue().strip() != ""
    assert "hunter2" not in out.getvalue()


@pytest.mark.live
def test_live_postgres_answers_select_version():
    """Needs `docker compose up -d` and the .env values exported (or DATABASE_URL)."""
    result = check(load_settings(), connect_postgres, attempts=10, delay=1.0)

    assert result.ok, result.message
    assert result.server_version is not None
    assert result.server_version.startswith("PostgreSQL")
