"""Server-side sessions in Redis.

The browser holds only an opaque, unguessable id in a cookie; the data lives in Redis under
`session:<id>` as a JSON string with a TTL. The TTL slides: every read pushes the expiry back,
so an active user stays logged in and an idle session disappears on its own, without a cleanup
job. On login the id is rotated (the data moves to a fresh id and the old id stops working), so
an id an attacker planted before login is worthless after it.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

import redis

DEFAULT_TTL_SECONDS = 30 * 60


def new_session_id() -> str:
    """32 random bytes, URL-safe: long enough that ids cannot be guessed."""
    return secrets.token_urlsafe(32)


class SessionStore:
    def __init__(self, r: redis.Redis, ttl_seconds: int = DEFAULT_TTL_SECONDS) -> None:
        self.r = r
        self.ttl = ttl_seconds

    def key(self, session_id: str) -> str:
        return f"session:{session_id}"

    def create(self, data: dict[str, Any]) -> str:
        """Store `data` under a new id, with the TTL set in the same command; return the id."""
        # BEGIN SOLUTION
        session_id = new_session_id()
        self.r.set(self.key(session_id), json.dumps(data), ex=self.ttl)
        return session_id
        # STARTER: raise NotImplementedError("TODO(day27): SET the JSON with its TTL (ex=)")
        # END SOLUTION

    def get(self, session_id: str | None) -> dict[str, Any] | None:
        """The session's data, or None if it does not exist (or expired).

        Reading a session is using it: push its expiry back to the full TTL.
        """
        if not session_id:
            return None
        # BEGIN SOLUTION
        raw = self.r.getex(self.key(session_id), ex=self.ttl)
        return None if raw is None else json.loads(raw)
        # STARTER: raise NotImplementedError("TODO(day27): read the JSON and reset the TTL")
        # END SOLUTION

    def save(self, session_id: str, data: dict[str, Any]) -> bool:
        """Replace the data of an existing session (full TTL again); False if it does not exist."""
        # BEGIN SOLUTION
        return bool(self.r.set(self.key(session_id), json.dumps(data), ex=self.ttl, xx=True))
        # STARTER: raise NotImplementedError("TODO(day27): SET with ex and xx")
        # END SOLUTION

    def rotate(self, session_id: str) -> str | None:
        """Move the session to a new id; the old id stops working. None if it does not exist."""
        # BEGIN SOLUTION
        new_id = new_session_id()
        try:
            self.r.rename(self.key(session_id), self.key(new_id))
        except redis.ResponseError:
            return None
        self.r.expire(self.key(new_id), self.ttl)
        return new_id
        # STARTER: raise NotImplementedError("TODO(day27): RENAME to a fresh id, then EXPIRE")
        # END SOLUTION

    def destroy(self, session_id: str) -> None:
        self.r.delete(self.key(session_id))
