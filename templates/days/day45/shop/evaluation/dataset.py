"""The evaluation set: questions with the articles a person labelled as answering them (JSONL)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class DatasetError(ValueError):
    """The dataset file cannot be used; the message names the line and the fix."""


@dataclass(frozen=True)
class EvalCase:
    id: str
    question: str
    relevant: tuple[str, ...]


def load_dataset(path: Path) -> list[EvalCase]:
    """One case per non-empty line: {"id": ..., "question": ..., "relevant": [...]}."""
    cases: list[EvalCase] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            case = EvalCase(str(row["id"]), str(row["question"]), tuple(row["relevant"]))
        except (ValueError, KeyError, TypeError) as error:
            raise DatasetError(
                f"{path}:{number}: expected a JSON object with id, question and relevant ({error})"
            ) from error
        if not case.relevant:
            raise DatasetError(f"{path}:{number}: case {case.id!r} has no relevant article ids")
        if case.id in seen:
            raise DatasetError(f"{path}:{number}: case id {case.id!r} is used twice")
        seen.add(case.id)
        cases.append(case)
    return cases
