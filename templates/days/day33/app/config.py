"""The orders service's configuration, read from a secret provider instead of os.environ.

`provider_from_env` is the only place that looks at environment variables, and in production
the only thing it finds there is how to reach Vault: SECRETS_BACKEND=vault, VAULT_ADDR and
VAULT_TOKEN (in Kubernetes, a short-lived token from the Vault agent, not a literal in a file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.audit import AuditedProvider, AuditLog
from app.cache import CachedProvider
from app.clock import Clock
from app.providers import EnvProvider, SecretProvider, VaultProvider

if TYPE_CHECKING:  # hvac talks HTTP through a requests.Session
    import requests

SERVICE = "orders-service"
SETTINGS_PATH = "shop/orders"
JWT_PATH = "shop/jwt"


class ConfigError(Exception):
    """A secret is missing or malformed. The message names path and key, never the value."""


@dataclass(frozen=True)
class Settings:
    database_url: str = field(repr=False)
    payments_api_key: str = field(repr=False)


def load_settings(secrets: SecretProvider) -> Settings:
    """Read `shop/orders` and check it.

    database_url must start with "postgresql://"; payments_api_key must start with "sk_" and be
    at least 24 characters long. A missing key or a bad value raises ConfigError naming the
    path and the key: the value itself must appear in no message (it ends up in logs).
    """
    data = secrets.read(SETTINGS_PATH)
    for key in ("database_url", "payments_api_key"):
        if not data.get(key):
            raise ConfigError(f"{SETTINGS_PATH}: key {key!r} is missing")
    # BEGIN SOLUTION
    if not data["database_url"].startswith("postgresql://"):
        raise ConfigError(f"{SETTINGS_PATH}: database_url must start with postgresql://")
    key = data["payments_api_key"]
    if not key.startswith("sk_") or len(key) < 24:
        raise ConfigError(
            f"{SETTINGS_PATH}: payments_api_key must start with sk_ and have 24+ characters"
        )
    return Settings(database_url=data["database_url"], payments_api_key=key)
    # STARTER: raise NotImplementedError("TODO(day33): check both values, name keys only")
    # END SOLUTION


def provider_from_env(
    environ: Mapping[str, str],
    *,
    clock: Clock,
    audit_stream: TextIO,
    session: requests.Session | None = None,
) -> SecretProvider:
    """The provider stack for this environment, audited in both cases.

    SECRETS_BACKEND=env (the default, for development): variables SHOP_ORDERS_*.
    SECRETS_BACKEND=vault: Vault at VAULT_ADDR with VAULT_TOKEN, cached for
    SECRETS_TTL_SECONDS (default 60).
    """
    backend = environ.get("SECRETS_BACKEND", "env")
    log = AuditLog(audit_stream, clock)
    if backend == "env":
        return AuditedProvider(EnvProvider(environ), log, actor=SERVICE)
    if backend != "vault":
        raise ConfigError(f"SECRETS_BACKEND must be env or vault, not {backend!r}")
    for name in ("VAULT_ADDR", "VAULT_TOKEN"):
        if not environ.get(name):
            raise ConfigError(f"SECRETS_BACKEND=vault needs {name}")
    vault = VaultProvider(environ["VAULT_ADDR"], environ["VAULT_TOKEN"], session=session)
    ttl = float(environ.get("SECRETS_TTL_SECONDS", "60"))
    return AuditedProvider(CachedProvider(vault, ttl_seconds=ttl, clock=clock), log, actor=SERVICE)
