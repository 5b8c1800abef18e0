"""An in-memory user store. Only the password HASH is ever kept."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


class DuplicateEmail(Exception):
    pass


@dataclass(frozen=True)
class User:
    id: str
    email: str
    password_hash: str


class UserStore:
    def __init__(self) -> None:
        self._by_id: dict[str, User] = {}
        self._id_by_email: dict[str, str] = {}

    @staticmethod
    def normalise_email(email: str) -> str:
        return email.strip().lower()

    def add(self, email: str, password_hash: str) -> User:
        key = self.normalise_email(email)
        if key in self._id_by_email:
            raise DuplicateEmail(key)
        user = User(id=uuid.uuid4().hex, email=key, password_hash=password_hash)
        self._by_id[user.id] = user
        self._id_by_email[key] = user.id
        return user

    def get(self, user_id: str) -> User | None:
        return self._by_id.get(user_id)

    def remove(self, user_id: str) -> bool:
        """Delete a user (an account closed, or removed by an admin); False if unknown."""
        user = self._by_id.pop(user_id, None)
        if user is None:
            return False
        del self._id_by_email[user.email]
        return True

    def get_by_email(self, email: str) -> User | None:
        user_id = self._id_by_email.get(self.normalise_email(email))
        return None if user_id is None else self._by_id[user_id]
