"""Your case study's answers (`case_study.toml`), checked before they are published."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

TEXT_FIELDS = ("title", "context", "problem", "architecture")
LIST_FIELDS = ("constraints", "results", "lessons", "next_steps")
# Words that mean "not written yet".
PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|xxx|lorem ipsum)\b", re.IGNORECASE)


class IncompleteCaseStudy(ValueError):
    """The answers are not ready to publish; the message names every field to fix."""


def load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IncompleteCaseStudy(
            f"{path} does not exist: copy the example and answer it"
        ) from None
    except tomllib.TOMLDecodeError as err:
        raise IncompleteCaseStudy(f"{path} is not valid TOML: {err}") from None


def problems(answers: dict[str, Any]) -> list[str]:
    """Everything wrong with the answers, one sentence each; empty when ready to publish."""
    found: list[str] = []
    # BEGIN SOLUTION
    for name in TEXT_FIELDS:
        value = answers.get(name)
        if not isinstance(value, str) or not value.strip():
            found.append(f"`{name}` is missing or empty")
    for name in LIST_FIELDS:
        value = answers.get(name)
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            found.append(f"`{name}` needs at least one non-empty item")
    decisions = answers.get("decisions")
    if not isinstance(decisions, list) or not decisions:
        found.append("`decisions` needs at least one [[decisions]] table")
    else:
        for index, decision in enumerate(decisions, start=1):
            if not isinstance(decision, dict) or not all(
                isinstance(decision.get(key), str) and decision[key].strip()
                for key in ("title", "why")
            ):
                found.append(f"decision {index} needs a `title` and a `why`")
    for name, text in _all_text(answers):
        if PLACEHOLDER.search(text):
            found.append(f"`{name}` still holds a placeholder: {text.strip()[:60]!r}")
    for item in answers.get("results", []) if isinstance(answers.get("results"), list) else []:
        if isinstance(item, str) and not re.search(r"\d", item):
            found.append(f"result {item.strip()[:60]!r} has no number: say how much, how fast")
    # END SOLUTION
    return found


def _all_text(value: Any, name: str = "") -> list[tuple[str, str]]:
    """Every string in the answers, with the field it sits in."""
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, list):
        return [pair for index, item in enumerate(value) for pair in _all_text(item, name)]
    if isinstance(value, dict):
        return [
            pair
            for key, item in value.items()
            for pair in _all_text(item, f"{name}.{key}" if name else key)
        ]
    return []


def checked(answers: dict[str, Any]) -> dict[str, Any]:
    found = problems(answers)
    if found:
        raise IncompleteCaseStudy("the case study is not ready: " + "; ".join(found))
    return answers
