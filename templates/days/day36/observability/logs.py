"""Structured logs: one JSON object per line, with the same fields in every service.

Every line has CONTEXT_FIELDS; the one line that closes a request ("request finished") also has
SUMMARY_FIELDS. Log aggregators (Loki, Elasticsearch, CloudWatch) index these fields, so a query
such as `request_id="abc"` shows one request across all services.
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

import structlog

CONTEXT_FIELDS = ("timestamp", "level", "message", "service", "request_id", "route")
SUMMARY_FIELDS = ("status", "duration_ms")

# Keys whose values never reach a log, wherever they appear (compared in lower case).
SECRET_KEYS = frozenset(
    {"email", "password", "token", "access_token", "refresh_token", "authorization", "secret"}
)
EMAIL = re.compile(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[A-Za-z]{2,}")
REDACTED = "[redacted]"


def redact_pii(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: replace the value of every SECRET_KEYS key with REDACTED, in nested
    dicts and lists too, and every e-mail address inside any other string value."""
    # BEGIN SOLUTION

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: REDACTED if str(key).lower() in SECRET_KEYS else clean(item)
                for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return [clean(item) for item in value]
        if isinstance(value, str):
            return EMAIL.sub(REDACTED, value)
        return value

    return clean(event_dict)
    # STARTER: raise NotImplementedError("TODO(day36): redact secrets and e-mail addresses")
    # END SOLUTION


def build_logger(service: str, sink: TextIO | None = None) -> Any:
    """A logger for `service` that writes one JSON object per line to `sink` (stdout by default).

    Each line: the fields bound in the request context (request_id, route), `service`, `level`,
    an ISO 8601 UTC `timestamp`, the event text under `message`, and an exception's stack trace
    as a string field `exception` (for log.exception). Redact before rendering."""
    # BEGIN SOLUTION
    processors = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        structlog.processors.format_exc_info,
        redact_pii,
        structlog.processors.EventRenamer("message"),
        structlog.processors.JSONRenderer(),
    ]
    return structlog.wrap_logger(
        structlog.PrintLogger(sink if sink is not None else sys.stdout),
        processors=processors,
        context_class=dict,
    ).bind(service=service)
    # STARTER: raise NotImplementedError("TODO(day36): a structlog logger that writes JSON lines")
    # END SOLUTION
