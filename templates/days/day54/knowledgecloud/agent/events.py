"""Events the agent publishes, checked against the course's contracts before they leave.

The contracts are JSON Schemas in `contracts/events/<type>.v<version>.json` at the day's root.
A payload that does not match its contract is a bug in the producer: it raises here, in the
producer's own test, instead of breaking a consumer in another team's service later.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts" / "events"

Event = dict[str, Any]


class ContractError(ValueError):
    """An event does not match its contract; the message names the field."""


@cache
def validator(event_type: str, version: int) -> Draft202012Validator:
    path = CONTRACTS / f"{event_type}.v{version}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def validate(event: Event) -> Event:
    """Return the event if it matches the contract named by its `type` and `version`; else raise
    ContractError naming the first field at fault."""
    # BEGIN SOLUTION
    errors = sorted(
        validator(str(event.get("type")), int(event.get("version", 1))).iter_errors(event),
        key=lambda e: list(e.path),
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(event)"
        raise ContractError(
            f"{event.get('type')} breaks its contract at {where}: {errors[0].message}"
        )
    return event
    # STARTER: raise NotImplementedError("TODO(day54): validate with validator(type, version)")
    # END SOLUTION


def make_event(
    event_type: str, *, tenant_id: str, correlation_id: str, occurred_at: str, **fields: Any
) -> Event:
    return {
        "event_id": str(uuid.uuid4()),
        "type": event_type,
        "version": 1,
        "occurred_at": occurred_at,
        "tenant_id": tenant_id,
        "correlation_id": correlation_id,
        **fields,
    }


class EventBus:
    """The in-process bus: validates, keeps every published event, hands it to subscribers.
    In the compose stack the same events go to Redis streams."""

    def __init__(self) -> None:
        self.published: list[Event] = []
        self._subscribers: list[Callable[[Event], None]] = []

    def subscribe(self, handler: Callable[[Event], None]) -> None:
        self._subscribers.append(handler)

    def publish(self, event: Event) -> None:
        validate(event)
        self.published.append(event)
        for handler in self._subscribers:
            handler(event)

    def of_type(self, event_type: str) -> list[Event]:
        return [event for event in self.published if event["type"] == event_type]
