"""Markdown for the three documents. Links are relative, so the output works wherever the repo
is cloned; dates are ISO 8601 (YYYY-MM-DD), so they sort and read the same everywhere."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .scan import Day

CAPSTONE_DAYS = range(51, 58)

# (days from the start, what to do), grouped by horizon.
CHECKLIST: dict[str, tuple[tuple[int, str], ...]] = {
    "This week": (
        (1, "Pin the capstone repository on your profile, with the README's architecture diagram"),
        (3, "Publish the case study and link it from your CV"),
        (5, "Ask a peer to clone the capstone and run it from the README alone"),
    ),
    "This month": (
        (14, "Write one post about a decision from the capstone and what it cost"),
        (21, "Contribute a fix or a test to an open-source tool you used in the course"),
        (28, "Apply to five roles whose descriptions match your strongest role below"),
    ),
    "This quarter": (
        (60, "Take one of your weakest role's days again, without the reference, and time it"),
        (90, "Run the capstone for a real group (a club, a team) and report its numbers"),
    ),
}


def link(target: Path, out_dir: Path) -> str:
    """A link from a document in `out_dir` to `target`, relative and with forward slashes."""
    # BEGIN SOLUTION
    return Path(os.path.relpath(target, out_dir)).as_posix()
    # STARTER: raise NotImplementedError("TODO(day60): a relative link from out_dir to target")
    # END SOLUTION


def portfolio(
    name: str,
    days: Sequence[Day],
    roles: Mapping[str, Sequence[int]],
    repo: Path,
    out_dir: Path,
) -> str:
    present = {day.number: day for day in days}
    lines = [f"# Portfolio: {name}", "", "## Summary", ""]
    tests = sum(day.tests for day in days)
    dates = [day.last_change for day in days if day.last_change]
    lines.append(f"- {len(days)} of 60 course days in this repository, with {tests} tests.")
    if dates:
        lines.append(f"- Work dated from {min(dates)} to {max(dates)}.")
    lines.append("- Capstone case study: [KnowledgeCloud](CASE_STUDY.md).")
    lines += ["", "## Skills by role", ""]
    # BEGIN SOLUTION
    for role, numbers in roles.items():
        lines += [f"### {role}", ""]
        shown = [present[number] for number in numbers if number in present]
        missing = [number for number in numbers if number not in present]
        for day in shown:
            target = link(repo / day.folder / "README.md", out_dir)
            lines.append(f"- [Day {day.number}: {day.title}]({target}) ({day.tests} tests)")
        if missing:
            lines.append(f"- Not in this repository yet: days {', '.join(map(str, missing))}.")
        lines.append("")
    # STARTER: lines.append("TODO(day60): each role with links to the days that show it")
    # END SOLUTION
    lines += ["## Timeline", ""]
    # BEGIN SOLUTION
    dated = sorted((day.last_change, day.number, day) for day in days if day.last_change)
    for when, _, day in dated:
        lines.append(f"- {when}: Day {day.number}, {day.title}")
    # STARTER: lines.append("TODO(day60): one line per day: its ISO date, then the day")
    # END SOLUTION
    return "\n".join(lines).rstrip() + "\n"


def case_study(answers: Mapping[str, Any], days: Sequence[Day], repo: Path, out_dir: Path) -> str:
    lines = [f"# Case study: {answers['title']}", ""]
    for heading, key in (("Context", "context"), ("Problem", "problem")):
        lines += [f"## {heading}", "", answers[key].strip(), ""]
    lines += ["## Constraints", ""] + [f"- {item}" for item in answers["constraints"]] + [""]
    lines += ["## Architecture", "", answers["architecture"].strip(), ""]
    for day in days:
        if day.number in CAPSTONE_DAYS:
            target = link(repo / day.folder / "README.md", out_dir)
            lines.append(f"- [Day {day.number}: {day.title}]({target})")
    lines += ["", "## Decisions", ""]
    for decision in answers["decisions"]:
        lines.append(f"- **{decision['title']}**: {decision['why']}")
    for heading, key in (("Results", "results"), ("Lessons", "lessons")):
        lines += ["", f"## {heading}", ""] + [f"- {item}" for item in answers[key]]
    lines += ["", "## Next steps", ""] + [f"- {item}" for item in answers["next_steps"]]
    return "\n".join(lines).rstrip() + "\n"


def checklist(start: date) -> str:
    lines = ["# Checklist", "", f"Started {start.isoformat()}.", ""]
    # BEGIN SOLUTION
    for horizon, items in CHECKLIST.items():
        lines += [f"## {horizon}", ""]
        for offset, task in items:
            lines.append(f"- [ ] {(start + timedelta(days=offset)).isoformat()}: {task}")
        lines.append("")
    # STARTER: lines.append("TODO(day60): each horizon, then its tasks dated from the start")
    # END SOLUTION
    return "\n".join(lines).rstrip() + "\n"
