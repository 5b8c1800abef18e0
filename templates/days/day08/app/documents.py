"""A user modelled as one MongoDB document.

Shape of a user (one document in the `users` collection):

    {
      "_id": "ada",
      "email": "ada@example.com",
      "name": "Ada",
      "created_at": datetime,
      "settings": {"theme": "light", "language": "en",
                   "notifications": {"email": True, "push": False}},
      "history": [{"action": "login", "at": datetime}, ...],   # newest last, at most HISTORY_LIMIT
      "last_active_at": datetime,                              # set by record_activity
    }

Settings are EMBEDDED: they belong to one user, are small, and are read with the user.
The recent history is embedded too, but CAPPED so the document cannot grow forever.
The complete activity log lives in a second collection, `events`, where each event REFERENCES
its user through `user_id`: it is unbounded and queried on its own.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING
from pymongo.collection import Collection

HISTORY_LIMIT = 20

DEFAULT_SETTINGS: dict[str, Any] = {
    "theme": "light",
    "language": "en",
    "notifications": {"email": True, "push": False},
}


def default_settings() -> dict[str, Any]:
    """A fresh, independent copy of DEFAULT_SETTINGS (nested dicts included)."""
    return copy.deepcopy(DEFAULT_SETTINGS)


def ensure_indexes(users: Collection, events: Collection) -> None:
    """Emails are unique; the event log is read per user, newest first."""
    users.create_index([("email", ASCENDING)], unique=True)
    events.create_index([("user_id", ASCENDING), ("at", DESCENDING)])


def new_user_document(user_id: str, email: str, name: str, *, now: datetime) -> dict[str, Any]:
    """Build (do not insert) the document for a new user, shaped as in the module docstring.

    The user gets their own copy of DEFAULT_SETTINGS (changing it must never change the defaults),
    an empty history and `created_at` = now. The email is stored lower-cased.
    """
    # BEGIN SOLUTION
    return {
        "_id": user_id,
        "email": email.strip().lower(),
        "name": name,
        "created_at": now,
        "settings": default_settings(),
        "history": [],
    }
    # STARTER: raise NotImplementedError("TODO(day08): build the user document")
    # END SOLUTION


def create_user(users: Collection, user_id: str, email: str, name: str, *, now: datetime) -> dict:
    """Insert a new user and return its document."""
    doc = new_user_document(user_id, email, name, now=now)
    users.insert_one(doc)
    return doc


def settings_update(changes: dict[str, Any]) -> dict[str, Any]:
    """Turn a (possibly nested) settings change into a `$set` document with dotted paths.

    {"notifications": {"push": True}} -> {"settings.notifications.push": True}

    Only keys that exist in DEFAULT_SETTINGS (at the same level) are allowed; anything else
    raises ValueError before the database is touched.
    """

    # BEGIN SOLUTION
    def walk(part: dict[str, Any], defaults: dict[str, Any], path: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in part.items():
            if key not in defaults:
                raise ValueError(f"unknown setting: {path}{key}")
            if isinstance(defaults[key], dict):
                if not isinstance(value, dict):
                    raise ValueError(f"setting {path}{key} is a group; pass a dict")
                out.update(walk(value, defaults[key], f"{path}{key}."))
            else:
                out[f"settings.{path}{key}"] = value
        return out

    return walk(changes, DEFAULT_SETTINGS, "")
    # STARTER: raise NotImplementedError("TODO(day08): flatten the change into dotted $set paths")
    # END SOLUTION


def update_settings(users: Collection, user_id: str, changes: dict[str, Any]) -> bool:
    """Apply a settings change with `$set`; return False when there is no such user."""
    # BEGIN SOLUTION
    result = users.update_one({"_id": user_id}, {"$set": settings_update(changes)})
    return result.matched_count == 1
    # STARTER: raise NotImplementedError("TODO(day08): $set only the changed settings")
    # END SOLUTION


def record_activity(
    users: Collection,
    events: Collection,
    user_id: str,
    action: str,
    *,
    at: datetime,
    limit: int = HISTORY_LIMIT,
) -> bool:
    """Record that a user did something.

    - push {"action", "at"} onto the embedded `history`, keeping only the newest `limit` entries
      ($push with $each and $slice), and set `last_active_at`, in ONE update_one call;
    - append {"user_id", "action", "at"} to the `events` collection (the full log).
    Return False (and write nothing) when the user does not exist.
    """
    # BEGIN SOLUTION
    event = {"action": action, "at": at}
    result = users.update_one(
        {"_id": user_id},
        {
            "$push": {"history": {"$each": [event], "$slice": -limit}},
            "$set": {"last_active_at": at},
        },
    )
    if result.matched_count == 0:
        return False
    events.insert_one({"user_id": user_id, **event})
    return True
    # STARTER: raise NotImplementedError("TODO(day08): $push with $slice, then log the event")
    # END SOLUTION


def recent_activity(users: Collection, user_id: str, n: int = 5) -> list[dict[str, Any]]:
    """The user's last `n` history entries, newest first ([] for an unknown user).

    Fetch only those entries from the server with a `$slice` projection.
    """
    # BEGIN SOLUTION
    doc = users.find_one({"_id": user_id}, {"history": {"$slice": -n}})
    if doc is None:
        return []
    return list(reversed(doc.get("history", [])))
    # STARTER: raise NotImplementedError("TODO(day08): project the last n entries, newest first")
    # END SOLUTION


def full_activity(events: Collection, user_id: str) -> list[dict[str, Any]]:
    """Every logged event of a user, newest first (the referenced side of the model)."""
    cursor = events.find({"user_id": user_id}, {"_id": 0}).sort("at", DESCENDING)
    return list(cursor)


def users_with_setting(users: Collection, path: str, value: Any) -> list[str]:
    """Ids (sorted) of the users whose setting at `path` equals `value`.

    `path` is relative to `settings`, with dots for nesting: "theme", "notifications.push".
    """
    # BEGIN SOLUTION
    cursor = users.find({f"settings.{path}": value}, {"_id": 1}).sort("_id", ASCENDING)
    return [doc["_id"] for doc in cursor]
    # STARTER: raise NotImplementedError("TODO(day08): query a nested field with dot notation")
    # END SOLUTION
