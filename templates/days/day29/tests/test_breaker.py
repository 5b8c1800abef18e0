"""The database breaker opens after N failures, fails fast, and half-opens after a cool-down."""

import pytest
from sqlalchemy import exc

from shop.breaker import CircuitBreaker, CircuitOpen
from shop.clock import FakeClock
from tests.conftest import FAIL_MAX, RESET_TIMEOUT


class Database:
    """A stand-in for a unit of work: counts calls, fails while ``down``."""

    def __init__(self) -> None:
        self.down = False
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.down:
            raise exc.OperationalError("SELECT 1", {}, ConnectionRefusedError("injected"))
        return "rows"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def breaker(clock):
    return CircuitBreaker(fail_max=FAIL_MAX, reset_timeout=RESET_TIMEOUT, clock=clock)


def attempt(breaker, fn) -> str:
    """What a call through the breaker did: "ok", "failed" (reached the database) or "open"."""
    try:
        breaker.call(fn)
    except CircuitOpen:
        return "open"
    except exc.OperationalError:
        return "failed"
    return "ok"


def fail_times(breaker, db, n):
    db.down = True
    outcomes = [attempt(breaker, db) for _ in range(n)]
    assert outcomes == ["failed"] * n, f"expected {n} failures that reached the database"


def test_opens_after_fail_max_failures_in_a_row(breaker):
    db = Database()
    fail_times(breaker, db, FAIL_MAX - 1)
    assert breaker.state == "closed"

    fail_times(breaker, db, 1)

    assert breaker.state == "open"


def test_an_open_breaker_fails_fast_without_calling_the_database(breaker, clock):
    db = Database()
    fail_times(breaker, db, FAIL_MAX)
    calls = db.calls
    clock.advance(RESET_TIMEOUT - 1)

    with pytest.raises(CircuitOpen) as raised:
        breaker.call(db)

    assert db.calls == calls, "an open breaker must not touch the database"
    assert raised.value.retry_after == pytest.approx(1.0)


def test_successes_never_open_the_breaker(breaker):
    db = Database()
    outcomes = [attempt(breaker, db) for _ in range(FAIL_MAX * 10)]

    assert outcomes == ["ok"] * (FAIL_MAX * 10), "the breaker opened while every call succeeded"

    assert breaker.state == "closed"


def test_a_success_resets_the_failure_count(breaker):
    db = Database()
    outcomes = []
    for _ in range(3):
        db.down = True
        outcomes += [attempt(breaker, db) for _ in range(FAIL_MAX - 1)]
        db.down = False
        outcomes.append(attempt(breaker, db))

    assert "open" not in outcomes, f"the breaker opened: {outcomes}"

    assert breaker.state == "closed", "only failures in a row should open the breaker"


def test_an_integrity_error_is_not_a_database_failure(breaker):
    def duplicate():
        raise exc.IntegrityError("INSERT", {}, ValueError("UNIQUE constraint failed"))

    for _ in range(FAIL_MAX * 2):
        with pytest.raises(exc.IntegrityError):
            breaker.call(duplicate)

    assert breaker.state == "closed"


def test_each_call_reaches_the_database_once(breaker):
    db = Database()
    db.down = True

    with pytest.raises(exc.OperationalError):
        breaker.call(db)

    assert db.calls == 1, "retrying inside the breaker multiplies the load on a failing database"


def test_half_opens_after_the_cool_down_and_closes_on_success(breaker, clock):
    db = Database()
    fail_times(breaker, db, FAIL_MAX)
    clock.advance(RESET_TIMEOUT)
    assert breaker.state == "half-open"

    db.down = False
    assert breaker.call(db) == "rows"

    assert breaker.state == "closed"


def test_a_failed_trial_opens_it_again_for_a_full_cool_down(breaker, clock):
    db = Database()
    fail_times(breaker, db, FAIL_MAX)
    clock.advance(RESET_TIMEOUT)

    fail_times(breaker, db, 1)  # the trial call

    assert breaker.state == "open"
    calls = db.calls
    clock.advance(RESET_TIMEOUT - 1)
    with pytest.raises(CircuitOpen):
        breaker.call(db)
    assert db.calls == calls
    clock.advance(1)
    assert breaker.state == "half-open"


def test_only_one_trial_runs_while_half_open(breaker, clock):
    db = Database()
    fail_times(breaker, db, FAIL_MAX)
    clock.advance(RESET_TIMEOUT)
    db.down = False
    calls = db.calls
    inner = []

    def trial():
        # A second request arrives while the trial is still running.
        with pytest.raises(CircuitOpen):
            breaker.call(db)
        inner.append(db.calls)
        return db()

    assert breaker.call(trial) == "rows"
    assert inner == [calls], "a second call during the trial must fail fast"
    assert breaker.state == "closed"


def test_the_app_fails_fast_while_the_database_is_down(shop):
    shop.faults.down = True
    statuses = [
        shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"}).status_code
        for _ in range(FAIL_MAX + 5)
    ]

    assert statuses == [503] * (FAIL_MAX + 5), statuses
    assert shop.faults.attempts == FAIL_MAX, (
        f"the database saw {shop.faults.attempts} statements for {FAIL_MAX + 5} requests: "
        f"expected one per request until the breaker opened ({FAIL_MAX}), then none"
    )


def test_the_app_recovers_after_the_cool_down(shop):
    shop.faults.down = True
    for _ in range(FAIL_MAX):
        shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"})
    open_response = shop.client.get("/users/1")
    assert open_response.status_code == 503
    assert int(open_response.headers["Retry-After"]) == RESET_TIMEOUT

    shop.faults.down = False
    shop.clock.advance(RESET_TIMEOUT)
    response = shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"})

    assert response.status_code == 201, response.text
    assert shop.breaker.state == "closed"
