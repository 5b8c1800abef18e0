"""What the shop knows about its identity provider, and the clock it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    """The client registration: what the provider gave the shop, and where the provider lives.

    A real provider publishes the three endpoints in its discovery document
    (`{issuer}/.well-known/openid-configuration`); here they are spelled out.
    """

    issuer: str
    client_id: str
    redirect_uri: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    scope: str = "openid email"
    login_ttl_seconds: int = 600
