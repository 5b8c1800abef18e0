"""What the checker reports: one Problem per broken rule, with a message naming the fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    rule: str  # e.g. "events.single-producer"
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.message}"
