"""A fake of Vault's HTTP API, enough of it to test a KV version 2 client offline.

It behaves like a Vault server with a KV v2 engine mounted at secret/: it checks the
X-Vault-Token header (403 otherwise), answers GET /v1/secret/data/<path> with the v2 envelope,
and 404 for anything else (a KV v1 style GET /v1/secret/<path> included). Every request is
recorded, so tests can check the method, the path and the token a client sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import requests
from requests_mock.response import create_response

MOUNT = "secret"


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    token: str | None


class FakeVault:
    url = "http://vault.test"

    def __init__(self, token: str) -> None:
        self.token = token
        self.session: requests.Session | None = None
        self.requests: list[Seen] = []
        self._versions: dict[str, list[dict[str, str]]] = {}

    def write(self, path: str, data: dict[str, str]) -> int:
        """Store a new version of the secret at `path` (what `vault kv put` does)."""
        versions = self._versions.setdefault(path, [])
        versions.append(dict(data))
        return len(versions)

    def handle(self, request: requests.PreparedRequest):
        path = request.path_url.split("?", 1)[0]
        self.requests.append(Seen(request.method, path, request.headers.get("X-Vault-Token")))
        if request.headers.get("X-Vault-Token") != self.token:
            return self._answer(request, 403, {"errors": ["permission denied"]})
        prefix = f"/v1/{MOUNT}/data/"
        if request.method != "GET" or not path.startswith(prefix):
            return self._answer(request, 404, {"errors": []})
        versions = self._versions.get(path[len(prefix) :])
        if not versions:
            return self._answer(request, 404, {"errors": []})
        body = {
            "request_id": "fake",
            "lease_duration": 0,
            "renewable": False,
            "data": {
                "data": versions[-1],
                "metadata": {
                    "created_time": "2026-01-01T00:00:00Z",
                    "deletion_time": "",
                    "destroyed": False,
                    "version": len(versions),
                },
            },
        }
        return self._answer(request, 200, body)

    def _answer(self, request, status: int, body: dict):
        return create_response(
            request,
            status_code=status,
            headers={"Content-Type": "application/json"},
            content=json.dumps(body).encode(),
        )
