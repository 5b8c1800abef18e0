"""The Users service's own data. No other service may import this module."""

from __future__ import annotations

import itertools
import threading

from pydantic import BaseModel, Field


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)


class User(NewUser):
    id: int


class UserStore:
    """In-memory for the lab; in production this would be the users database (USERS_DB_URL)."""

    def __init__(self) -> None:
        self._users: dict[int, User] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, new: NewUser) -> User | None:
        """Store a new user; None when the e-mail address is already registered."""
        with self._lock:
            if any(user.email == new.email for user in self._users.values()):
                return None
            user = User(id=next(self._ids), **new.model_dump())
            self._users[user.id] = user
            return user

    def get(self, user_id: int) -> User | None:
        return self._users.get(user_id)

    def count(self) -> int:
        return len(self._users)
