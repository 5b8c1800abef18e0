"""The same limiter, sessions and leaderboard against the real Redis from compose.yaml."""

import os
import uuid

import pytest

from app.config import redis_client
from app.leaderboard import Leaderboard
from app.ratelimit import SlidingWindowLimiter
from app.sessions import SessionStore

pytestmark = pytest.mark.live


@pytest.fixture
def live_redis():
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set; see .env.example")
    r = redis_client()
    prefix = f"live-{uuid.uuid4().hex[:8]}"
    yield r, prefix
    for key in r.scan_iter(f"*{prefix}*"):
        r.delete(key)


def test_live_limiter_refuses_the_sixth_request_and_expires_its_key(live_redis, clock):
    r, prefix = live_redis
    lim = SlidingWindowLimiter(r, clock, limit=5, window_seconds=60, prefix=prefix)
    results = []
    for _ in range(6):
        results.append(lim.hit("client").allowed)
        clock.advance(1)
    assert results == [True] * 5 + [False]
    assert 0 < r.pttl(lim.key("client")) <= 60_000
    clock.advance(60)
    assert lim.hit("client").allowed


def test_live_session_slides_and_rotates(live_redis):
    r, prefix = live_redis
    sessions = SessionStore(r, ttl_seconds=120)
    session_id = sessions.create({"note": prefix})
    r.expire(sessions.key(session_id), 5)
    assert sessions.get(session_id) == {"note": prefix}
    assert r.ttl(sessions.key(session_id)) > 100
    new_id = sessions.rotate(session_id)
    assert sessions.get(session_id) is None
    assert sessions.get(new_id) == {"note": prefix}
    sessions.destroy(new_id)


def test_live_leaderboard_ranks(live_redis):
    r, prefix = live_redis
    board = Leaderboard(r, key=f"{prefix}:leaderboard")
    board.record_sale("KB-01", 3)
    board.record_sale("MS-02", 5)
    board.record_sale("KB-01", 4)
    assert [(e.rank, e.sku, e.sold) for e in board.top(2)] == [(1, "KB-01", 7), (2, "MS-02", 5)]
    assert board.rank_of("MS-02").rank == 2
