"""Round trips against the real MongoDB and Redis from compose.yaml (BEC_LIVE=1)."""

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.cache import UserCache, profile_key
from app.config import mongo_database, redis_client
from app.documents import create_user, recent_activity, record_activity, update_settings
from app.source import UserSource

pytestmark = pytest.mark.live


def test_live_mongo_user_document_round_trip():
    if not os.environ.get("MONGO_URL"):
        pytest.fail("MONGO_URL is not set; see .env.example")
    db = mongo_database()
    users, events = db["users"], db["events"]
    uid = f"live-{uuid.uuid4().hex[:8]}"
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        create_user(users, uid, f"{uid}@example.com", "Live", now=now)
        assert update_settings(users, uid, {"notifications": {"push": True}})
        for i in range(4):
            record_activity(users, events, uid, f"a{i}", at=now + timedelta(seconds=i), limit=3)
        doc = users.find_one({"_id": uid})
        assert doc["settings"]["notifications"] == {"email": True, "push": True}
        assert [h["action"] for h in doc["history"]] == ["a1", "a2", "a3"]
        assert [e["action"] for e in recent_activity(users, uid, 2)] == ["a3", "a2"]
    finally:
        users.delete_one({"_id": uid})
        events.delete_many({"user_id": uid})


def test_live_redis_read_through_cache():
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set; see .env.example")
    r = redis_client()
    uid = f"live-{uuid.uuid4().hex[:8]}"
    source = UserSource()
    source.add(uid, {"name": "Live", "email": "live@example.com"}, {"theme": "light"})
    cache = UserCache(r, source, ttl_seconds=30)
    try:
        assert cache.get_profile(uid) == {"name": "Live", "email": "live@example.com"}
        assert cache.get_profile(uid)["name"] == "Live"
        assert source.reads == 1
        assert 0 < r.ttl(profile_key(uid)) <= 30
    finally:
        r.delete(profile_key(uid))
