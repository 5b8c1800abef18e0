"""A bounded pool: a burst beyond it gets a quick 503, not a hanging request."""

from sqlalchemy.pool import QueuePool

from shop.pool import PoolSettings, make_engine
from tests.spies import exhausted_pool

# What "fast" means in this lab: a request may wait this long for a connection, no longer.
MAX_WAIT_SECONDS = 2.0


def test_make_engine_applies_the_pool_settings(tmp_path):
    settings = PoolSettings(size=3, max_overflow=2, timeout=0.5, recycle=600)
    engine = make_engine(f"sqlite:///{tmp_path / 'shop.db'}", settings)
    try:
        pool = engine.pool
        assert isinstance(pool, QueuePool)
        assert pool.size() == 3
        assert pool._max_overflow == 2, "max_overflow bounds the burst; -1 means unbounded"
        assert pool.timeout() == 0.5
        assert pool._recycle == 600
    finally:
        engine.dispose()


def test_pool_exhaustion_gives_a_fast_503(shop):
    with exhausted_pool(shop.primary) as pool:
        response = shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"})

    assert response.status_code == 503, (
        f"got {response.status_code} with every connection busy: the pool let the request "
        "through (is the overflow bounded?) or the error was not turned into a 503"
    )
    assert response.headers.get("Retry-After"), "a 503 tells the client when to come back"
    assert pool.waits, "the request never waited for a connection: is the overflow unbounded?"
    assert all(wait is not None and wait <= MAX_WAIT_SECONDS for wait in pool.waits), (
        f"the request would have waited {pool.waits} seconds for a connection "
        f"(None means forever); at most {MAX_WAIT_SECONDS} s is a fast failure"
    )


def test_pool_exhaustion_does_not_open_the_breaker(shop):
    with exhausted_pool(shop.primary):
        for _ in range(5):
            shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"})

    assert shop.breaker.state == "closed", "a busy pool is not a broken database"
    response = shop.client.post("/users", json={"name": "Ada", "email": "ada@example.com"})
    assert response.status_code == 201, response.text
