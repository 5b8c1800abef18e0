"""Where secrets come from: the environment in development, Vault's KV v2 engine in production.

Both providers answer the same question, `read("shop/orders")`, with a dict of key -> value, so
the rest of the service never knows which one it talks to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

import hvac
import hvac.exceptions

if TYPE_CHECKING:  # hvac talks HTTP through a requests.Session
    import requests


class SecretNotFound(LookupError):
    """No secret exists at the path. The message names the path, never a value."""


class SecretProvider(Protocol):
    def read(self, path: str) -> dict[str, str]:
        """Every key and value stored at `path`, or raise SecretNotFound."""
        ...


class EnvProvider:
    """Development only: `shop/orders` is read from the variables SHOP_ORDERS_<KEY>.

    SHOP_ORDERS_DATABASE_URL=... gives {"database_url": "..."} for the path "shop/orders".
    """

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def read(self, path: str) -> dict[str, str]:
        prefix = path.upper().replace("/", "_").replace("-", "_") + "_"
        found = {
            name[len(prefix) :].lower(): value
            for name, value in self._environ.items()
            if name.startswith(prefix)
        }
        if not found:
            raise SecretNotFound(f"no variables {prefix}* for secret {path!r}")
        return found


class VaultProvider:
    """Production: a KV version 2 secrets engine mounted at `mount` (Vault's default: "secret").

    KV v2 keeps versions, so its HTTP API is not the v1 one: a read is
    GET /v1/<mount>/data/<path> with the token in the X-Vault-Token header, and the answer nests
    the secret one level deeper than v1 did: {"data": {"data": {...}, "metadata": {...}}}.
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        mount: str = "secret",
        session: requests.Session | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.mount = mount
        self.client = hvac.Client(url=url, token=token, session=session, timeout=timeout)

    def read(self, path: str) -> dict[str, str]:
        # BEGIN SOLUTION
        try:
            answer = self.client.secrets.kv.v2.read_secret_version(
                path=path, mount_point=self.mount, raise_on_deleted_version=True
            )
        except hvac.exceptions.InvalidPath as exc:
            raise SecretNotFound(f"no secret at {self.mount}/{path}") from exc
        return dict(answer["data"]["data"])
        # STARTER: raise NotImplementedError("TODO(day33): read the KV v2 secret at path with hvac")
        # END SOLUTION
