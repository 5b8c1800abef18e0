"""Event rules: one producer per event, no orphan consumers, a contract and a valid example each."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from archcheck.model import Architecture, load_yaml
from archcheck.problems import Problem


def schema_path(root: Path, event: str, version: int) -> Path:
    """Where the course keeps an event's contract: contracts/events/<name>.v<version>.json."""
    return root / "contracts" / "events" / f"{event}.v{version}.json"


def load_examples(root: Path) -> dict:
    """examples/events.yaml: event name -> one example payload."""
    path = root / "examples" / "events.yaml"
    if not path.exists():
        return {}
    return load_yaml(path.read_text(encoding="utf-8")) or {}


def check_events(arch: Architecture, root: Path) -> list[Problem]:
    """Every event has exactly one producer and a contract; consumers only wait for real events;
    every example payload validates against its contract, formats (uuid, date-time) included."""
    # BEGIN SOLUTION
    producers: dict[str, list[str]] = defaultdict(list)
    consumers: dict[str, list[str]] = defaultdict(list)
    for service in arch.services:
        for event in service.produces:
            producers[event].append(service.name)
        for event in service.consumes:
            consumers[event].append(service.name)

    problems: list[Problem] = []
    examples = load_examples(root)
    for event in sorted(set(arch.events) | set(producers) | set(consumers)):
        made_by = producers[event]
        if len(made_by) > 1:
            problems.append(
                Problem(
                    "events.single-producer",
                    f"{event} is produced by {', '.join(made_by)}: exactly one service may "
                    "publish an event; give the others their own event or a call to the owner",
                )
            )
        if not made_by:
            waiting = ", ".join(consumers[event]) or "nobody"
            problems.append(
                Problem(
                    "events.no-producer",
                    f"{event} has no producer (consumed by {waiting}): add it to a service's "
                    "`produces` or remove it",
                )
            )
        if event not in arch.events:
            problems.append(
                Problem(
                    "events.undeclared",
                    f"{event} is used by a service but not listed under `events:` with its version",
                )
            )
            continue
        path = schema_path(root, event, arch.events[event])
        if not path.exists():
            problems.append(
                Problem(
                    "events.schema-missing",
                    f"{event} v{arch.events[event]} has no contract at "
                    f"{path.relative_to(root)}: add the schema or fix the version",
                )
            )
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        if event not in examples:
            problems.append(
                Problem("events.example-missing", f"{event} has no example in examples/events.yaml")
            )
            continue
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        for error in sorted(validator.iter_errors(examples[event]), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in error.path) or "(root)"
            problems.append(
                Problem(
                    "events.example-invalid",
                    f"the example of {event} breaks its contract at {where}: {error.message}",
                )
            )
    return problems
    # STARTER: raise NotImplementedError("TODO(day51): check producers, contracts, examples")
    # END SOLUTION
