"""Day 1: which of the course's tools does this machine have?

Usage:

    python -m app.tools    # exit code 0 = ready for the course, 1 = something is missing

`which` and `version_info` are parameters so that tests can pretend to be any machine.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

MIN_PYTHON = (3, 11)

# Same contract as shutil.which: the full path of an executable, or None when it is not on PATH.
Which = Callable[[str], str | None]


@dataclass(frozen=True)
class Tool:
    name: str
    required: bool
    hint: str


TOOLS: tuple[Tool, ...] = (
    Tool("git", True, "install Git with your package manager or from git-scm.com"),
    Tool("docker", True, "install Docker Desktop, or Docker Engine with the compose plugin"),
    Tool("uv", False, "recommended: install uv to manage Python versions and virtualenvs"),
)


@dataclass(frozen=True)
class ToolStatus:
    tool: Tool
    path: str | None

    @property
    def found(self) -> bool:
        return self.path is not None


def check_tools(which: Which = shutil.which, tools: Iterable[Tool] = TOOLS) -> list[ToolStatus]:
    """Look every tool up with `which` (once each), keeping the order of `tools`."""
    # BEGIN SOLUTION
    return [ToolStatus(tool=tool, path=which(tool.name)) for tool in tools]
    # STARTER: raise NotImplementedError("TODO(day01): ask `which` about every tool")
    # END SOLUTION


def python_ok(
    version_info: Sequence[int] = sys.version_info, minimum: tuple[int, int] = MIN_PYTHON
) -> bool:
    """True when (major, minor) of `version_info` is at least `minimum`: 3.11.0 and 3.13.2 pass,
    3.10.14 does not."""
    # BEGIN SOLUTION
    return tuple(version_info[:2]) >= minimum
    # STARTER: raise NotImplementedError("TODO(day01): compare the version with the minimum")
    # END SOLUTION


def format_report(statuses: Iterable[ToolStatus], version_info: Sequence[int], py_ok: bool) -> str:
    """One line per check, for humans."""
    version = ".".join(str(part) for part in version_info[:3])
    minimum = ".".join(str(part) for part in MIN_PYTHON)
    lines = [f"[{'ok' if py_ok else 'missing'}] python {version} (need {minimum}+)"]
    for status in statuses:
        if status.found:
            lines.append(f"[ok] {status.tool.name}: {status.path}")
        else:
            label = "missing" if status.tool.required else "optional"
            lines.append(f"[{label}] {status.tool.name}: {status.tool.hint}")
    return "\n".join(lines)


def main(
    *,
    which: Which = shutil.which,
    version_info: Sequence[int] = sys.version_info,
    out: TextIO | None = None,
) -> int:
    """Print the report to `out` (default: stdout) and return the exit code.

    0 when Python is new enough and every *required* tool was found; a missing optional tool
    is reported but does not fail the check. 1 otherwise.
    """
    # BEGIN SOLUTION
    statuses = check_tools(which)
    py_ok = python_ok(version_info)
    print(format_report(statuses, version_info, py_ok), file=sys.stdout if out is None else out)
    missing = [status for status in statuses if status.tool.required and not status.found]
    return 0 if py_ok and not missing else 1
    # STARTER: raise NotImplementedError("TODO(day01): check, print the report, return 0 or 1")
    # END SOLUTION


if __name__ == "__main__":
    raise SystemExit(main())
