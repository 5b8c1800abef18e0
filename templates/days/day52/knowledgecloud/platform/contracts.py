"""The event contracts in ``contracts/events/`` (JSON Schema, draft 2020-12), as validators.

Every service validates what it publishes before it publishes it, with format checking on: a
``uuid`` or ``date-time`` field that is not one is a broken contract, not a style issue.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

CONTRACTS = Path(__file__).resolve().parents[2] / "contracts" / "events"


class ContractError(ValueError):
    """An event does not match its published schema."""


FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_rfc3339(value: object) -> bool:
    """A date-time with its offset (jsonschema checks this one only with an extra package)."""
    if not isinstance(value, str):
        return True  # the schema's "type" keyword reports a value that is not a string
    return "T" in value.upper() and datetime.fromisoformat(value).tzinfo is not None


@cache
def validator(event_type: str, version: int = 1) -> Draft202012Validator:
    path = CONTRACTS / f"{event_type}.v{version}.json"
    if not path.is_file():
        raise ContractError(f"no contract for {event_type} v{version} (looked for {path.name})")
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FORMATS)


def validate(event: dict) -> dict:
    """Return the event unchanged, or raise ContractError listing every problem."""
    checker = validator(str(event.get("type")), int(event.get("version", 1)))
    problems = sorted(checker.iter_errors(event), key=lambda e: list(e.absolute_path))
    if problems:
        lines = [
            f"{'/'.join(map(str, p.absolute_path)) or '(event)'}: {p.message}" for p in problems
        ]
        raise ContractError(f"{event.get('type')} breaks its contract: " + "; ".join(lines))
    return event
