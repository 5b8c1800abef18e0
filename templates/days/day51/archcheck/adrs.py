"""ADR rules: every record in docs/adr/ follows Nygard's format."""

from __future__ import annotations

import re
from pathlib import Path

from archcheck.problems import Problem

SECTIONS = ["Status", "Context", "Decision", "Consequences"]
STATUSES = ("Proposed", "Accepted", "Deprecated", "Superseded")


def check_adrs(root: Path) -> list[Problem]:
    """docs/adr/NNNN-title.md files: at least one; each starts with `# N. Title` where N is the
    file's number, then has the `##` sections Status, Context, Decision, Consequences, in that
    order, none empty; the status starts with Proposed, Accepted, Deprecated or Superseded."""
    # BEGIN SOLUTION
    files = sorted((root / "docs" / "adr").glob("[0-9][0-9][0-9][0-9]-*.md"))
    if not files:
        return [Problem("adr.none", "docs/adr/ holds no NNNN-title.md record")]
    problems = []
    for path in files:
        name = f"docs/adr/{path.name}"
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next((ln for ln in lines if ln.strip()), "")
        m = re.match(r"^# (\d+)\. \S", first)
        if not m or int(m.group(1)) != int(path.name[:4]):
            problems.append(
                Problem("adr.title", f"{name} must start with '# {int(path.name[:4])}. <title>'")
            )
        bodies: dict[str, list[str]] = {}
        order: list[str] = []
        current = None
        for ln in lines:
            if ln.startswith("## "):
                current = ln[3:].strip()
                order.append(current)
                bodies[current] = []
            elif current is not None and ln.strip():
                bodies[current].append(ln.strip())
        if order != SECTIONS:
            problems.append(
                Problem(
                    "adr.headings",
                    f"{name} has sections {order}; a record has exactly "
                    f"{', '.join('## ' + s for s in SECTIONS)}, in that order",
                )
            )
            continue
        for section in SECTIONS:
            if not bodies[section]:
                problems.append(Problem("adr.empty", f"{name}: ## {section} is empty"))
        status = bodies["Status"][0] if bodies["Status"] else ""
        if bodies["Status"] and not status.startswith(STATUSES):
            problems.append(
                Problem(
                    "adr.status",
                    f"{name}: status {status!r} is not one of {', '.join(STATUSES)}",
                )
            )
    return problems
    # STARTER: raise NotImplementedError("TODO(day51): check every ADR's title and sections")
    # END SOLUTION
