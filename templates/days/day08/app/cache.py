"""A read-through cache over Redis, using three of its data structures.

- profile  -> a HASH   at user:<id>:profile   (flat field -> string map, one field readable alone)
- settings -> a STRING at user:<id>:settings  (the nested settings serialised as JSON)
- tags     -> a SET    at user:<id>:tags      (unique members, server-side intersections)

Read path (profile and settings): look in Redis; on a miss load from the source, store the value
with a TTL, return it. Write path: write the source FIRST, then delete the cached key, so the next
read loads the fresh value. Tags live only in Redis: the set is the data, not a cache.
"""

from __future__ import annotations

import json
from typing import Any

import redis

from app.source import UserSource

DEFAULT_TTL_SECONDS = 300


def profile_key(user_id: str) -> str:
    return f"user:{user_id}:profile"


def settings_key(user_id: str) -> str:
    return f"user:{user_id}:settings"


def tags_key(user_id: str) -> str:
    return f"user:{user_id}:tags"


def encode_settings(settings: dict[str, Any]) -> str:
    """How settings are stored in the string key: compact JSON."""
    return json.dumps(settings, separators=(",", ":"), sort_keys=True)


def decode_settings(raw: str) -> dict[str, Any]:
    return json.loads(raw)


class UserCache:
    def __init__(
        self, r: redis.Redis, source: UserSource, ttl_seconds: int = DEFAULT_TTL_SECONDS
    ) -> None:
        self.r = r
        self.source = source
        self.ttl = ttl_seconds

    def get_profile(self, user_id: str) -> dict[str, str] | None:
        """Profile from the hash; on a miss load it, HSET it with a TTL and return it.

        An unknown user returns None and leaves nothing in Redis.
        """
        # BEGIN SOLUTION
        key = profile_key(user_id)
        cached = self.r.hgetall(key)
        if cached:
            return cached
        profile = self.source.load_profile(user_id)
        if profile is None:
            return None
        pipe = self.r.pipeline()
        pipe.hset(key, mapping=profile)
        pipe.expire(key, self.ttl)
        pipe.execute()
        return profile
        # STARTER: raise NotImplementedError("TODO(day08): HGETALL, or load + HSET + EXPIRE")
        # END SOLUTION

    def update_profile(self, user_id: str, changes: dict[str, str]) -> bool:
        """Write the change to the source, then invalidate the cached profile."""
        # BEGIN SOLUTION
        saved = self.source.save_profile(user_id, changes)
        self.r.delete(profile_key(user_id))
        return saved
        # STARTER: raise NotImplementedError("TODO(day08): write the source, then delete the key")
        # END SOLUTION

    def get_settings(self, user_id: str) -> dict[str, Any] | None:
        """Settings from a string key (see encode_settings); on a miss load and SET with ex=ttl."""
        # BEGIN SOLUTION
        key = settings_key(user_id)
        raw = self.r.get(key)
        if raw is not None:
            return decode_settings(raw)
        settings = self.source.load_settings(user_id)
        if settings is None:
            return None
        self.r.set(key, encode_settings(settings), ex=self.ttl)
        return settings
        # STARTER: raise NotImplementedError("TODO(day08): GET + decode, or load + SET with ex=ttl")
        # END SOLUTION

    def update_settings(self, user_id: str, settings: dict[str, Any]) -> bool:
        """Replace the settings in the source, then invalidate the cached string."""
        # BEGIN SOLUTION
        saved = self.source.save_settings(user_id, settings)
        self.r.delete(settings_key(user_id))
        return saved
        # STARTER: raise NotImplementedError("TODO(day08): write the source, then delete the key")
        # END SOLUTION

    def tag_user(self, user_id: str, *tags: str) -> int:
        """Add tags to the user's set; return how many were new."""
        # BEGIN SOLUTION
        if not tags:
            return 0
        return int(self.r.sadd(tags_key(user_id), *tags))
        # STARTER: raise NotImplementedError("TODO(day08): SADD")
        # END SOLUTION

    def tags_of(self, user_id: str) -> set[str]:
        # BEGIN SOLUTION
        return set(self.r.smembers(tags_key(user_id)))
        # STARTER: raise NotImplementedError("TODO(day08): SMEMBERS")
        # END SOLUTION

    def common_tags(self, user_a: str, user_b: str) -> set[str]:
        """Tags both users have, computed by Redis (SINTER), not in Python."""
        # BEGIN SOLUTION
        return set(self.r.sinter([tags_key(user_a), tags_key(user_b)]))
        # STARTER: raise NotImplementedError("TODO(day08): SINTER")
        # END SOLUTION
