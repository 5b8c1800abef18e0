"""The slow source of truth that the cache sits in front of.

In a real service this is the users collection from documents.py, or a SQL table. Here it is a
small in-memory store that counts how often it is read, so the tests can tell whether an answer
came from Redis or from the source.
"""

from __future__ import annotations

import copy
from typing import Any


class UserSource:
    def __init__(self) -> None:
        self._profiles: dict[str, dict[str, str]] = {}
        self._settings: dict[str, dict[str, Any]] = {}
        self.reads = 0

    def add(self, user_id: str, profile: dict[str, str], settings: dict[str, Any]) -> None:
        self._profiles[user_id] = dict(profile)
        self._settings[user_id] = copy.deepcopy(settings)

    def load_profile(self, user_id: str) -> dict[str, str] | None:
        self.reads += 1
        profile = self._profiles.get(user_id)
        return None if profile is None else dict(profile)

    def load_settings(self, user_id: str) -> dict[str, Any] | None:
        self.reads += 1
        settings = self._settings.get(user_id)
        return None if settings is None else copy.deepcopy(settings)

    def save_profile(self, user_id: str, changes: dict[str, str]) -> bool:
        if user_id not in self._profiles:
            return False
        self._profiles[user_id].update(changes)
        return True

    def save_settings(self, user_id: str, settings: dict[str, Any]) -> bool:
        if user_id not in self._settings:
            return False
        self._settings[user_id] = copy.deepcopy(settings)
        return True
