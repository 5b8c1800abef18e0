"""Try the lab by hand: `python -m app.demo`, against the fakes or the compose services."""

from __future__ import annotations

from datetime import UTC, datetime
from pprint import pprint

from app.cache import UserCache
from app.config import mongo_database, redis_client
from app.documents import (
    create_user,
    ensure_indexes,
    recent_activity,
    record_activity,
    update_settings,
)
from app.source import UserSource


def main() -> None:
    db = mongo_database()
    users, events = db["users"], db["events"]
    users.delete_many({"_id": "demo"})
    events.delete_many({"user_id": "demo"})
    ensure_indexes(users, events)

    now = datetime.now(UTC)
    create_user(users, "demo", "demo@example.com", "Demo User", now=now)
    update_settings(users, "demo", {"theme": "dark", "notifications": {"push": True}})
    for action in ("signup", "login", "view:pricing", "logout"):
        record_activity(users, events, "demo", action, at=datetime.now(UTC))
    print("document:")
    pprint(users.find_one({"_id": "demo"}))
    print("recent activity:", [e["action"] for e in recent_activity(users, "demo", 3)])

    r = redis_client()
    source = UserSource()
    source.add("demo", {"name": "Demo User", "email": "demo@example.com"}, {"theme": "dark"})
    cache = UserCache(r, source, ttl_seconds=60)
    r.delete("user:demo:profile")
    cache.get_profile("demo")
    cache.get_profile("demo")
    print("source reads after two profile lookups:", source.reads)
    print("TTL left on the cached profile:", r.ttl("user:demo:profile"), "seconds")


if __name__ == "__main__":
    main()
