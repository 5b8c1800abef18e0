"""Audit events: who read which secret, when, and whether it worked. Never the value.

An audit log is read by more people, and kept longer, than the secrets it describes: a value
written there is a leaked value. Record the names of the keys instead; they say what was read.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TextIO

from app.clock import Clock
from app.providers import SecretNotFound, SecretProvider


class AuditLog:
    """Appends one JSON object per line to a text stream (a file in production)."""

    def __init__(self, stream: TextIO, clock: Clock) -> None:
        self._stream = stream
        self._clock = clock

    def record(self, event: str, **fields: object) -> None:
        at = datetime.fromtimestamp(self._clock(), UTC).isoformat()
        line = json.dumps({"at": at, "event": event, **fields}, sort_keys=True)
        self._stream.write(line + "\n")
        self._stream.flush()


class AuditedProvider:
    """Wraps a provider so every read is recorded as a `secret.read` event.

    Fields: actor (who asked), path, outcome ("ok", "missing" or "error"), and on success the
    sorted names of the keys returned (`keys`); on "error" the exception's class name (`error`).
    The exception itself is re-raised unchanged.
    """

    def __init__(self, provider: SecretProvider, log: AuditLog, *, actor: str) -> None:
        self._provider = provider
        self._log = log
        self._actor = actor

    def read(self, path: str) -> dict[str, str]:
        # BEGIN SOLUTION
        try:
            data = self._provider.read(path)
        except SecretNotFound:
            self._log.record("secret.read", actor=self._actor, path=path, outcome="missing")
            raise
        except Exception as exc:
            self._log.record(
                "secret.read",
                actor=self._actor,
                path=path,
                outcome="error",
                error=type(exc).__name__,
            )
            raise
        self._log.record(
            "secret.read", actor=self._actor, path=path, outcome="ok", keys=sorted(data)
        )
        return data
        # STARTER: raise NotImplementedError("TODO(day33): read, then audit who read what")
        # END SOLUTION
