"""Settings come from the environment; the secret is never hard-coded."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

Clock = Callable[[], datetime]

MIN_SECRET_LENGTH = 32


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    jwt_secret: str
    access_token_ttl_seconds: int = 900

    def __post_init__(self) -> None:
        if len(self.jwt_secret) < MIN_SECRET_LENGTH:
            raise ValueError(f"JWT_SECRET must be at least {MIN_SECRET_LENGTH} characters long")
        if self.access_token_ttl_seconds <= 0:
            raise ValueError("ACCESS_TOKEN_TTL_SECONDS must be positive")


def settings_from_env() -> Settings:
    secret = os.environ.get("JWT_SECRET")
    if not secret:
        raise RuntimeError("JWT_SECRET is not set: copy .env.example to .env and load it")
    ttl = int(os.environ.get("ACCESS_TOKEN_TTL_SECONDS", "900"))
    return Settings(jwt_secret=secret, access_token_ttl_seconds=ttl)
