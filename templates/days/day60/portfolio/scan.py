"""Read what the repo holds: its day folders, their titles, tests and last change dates."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

DAY_FOLDER = re.compile(r"^day(\d{2})$")
# Folders that are tools' output, not the learner's work.
IGNORED = frozenset(
    {".git", ".venv", "__pycache__", "node_modules", ".pytest_cache", ".ruff_cache"}
)


@dataclass(frozen=True)
class Day:
    number: int
    folder: str  # "day07"
    title: str  # the README's first heading, without "Day 7 —"
    tests: int  # test functions under tests/
    files: int  # files the learner keeps (tools' folders excluded)
    last_change: str | None  # ISO date (YYYY-MM-DD) of the last commit touching the folder


def readme_title(folder: Path) -> str:
    """The first `# ` heading of the folder's README, without its "Day N —" prefix."""
    readme = folder / "README.md"
    if not readme.is_file():
        return folder.name
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"^Day\s+\d+\s*[—–:-]\s*", "", line[2:].strip())
    return folder.name


def count_tests(folder: Path) -> int:
    tests = folder / "tests"
    if not tests.is_dir():
        return 0
    pattern = re.compile(r"^\s*(?:async\s+)?def\s+test_", re.MULTILINE)
    return sum(
        len(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
        for path in sorted(tests.rglob("test_*.py"))
        if not IGNORED.intersection(path.relative_to(folder).parts)
    )


def count_files(folder: Path) -> int:
    # BEGIN SOLUTION
    return sum(
        1
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED.intersection(path.relative_to(folder).parts)
    )
    # STARTER: raise NotImplementedError("TODO(day60): count the learner's files, not the tools'")
    # END SOLUTION


def last_change(repo: Path, folder: str) -> str | None:
    """The committer date of the last commit touching `folder`, as YYYY-MM-DD, or None."""
    # BEGIN SOLUTION
    result = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%cs", "--", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    date = result.stdout.strip()
    return date or None
    # STARTER: raise NotImplementedError("TODO(day60): ask git for the folder's last commit date")
    # END SOLUTION


def scan(repo: Path) -> list[Day]:
    """Every `dayNN` folder of the repo, in course order."""
    # BEGIN SOLUTION
    found = []
    for path in repo.iterdir():
        match = DAY_FOLDER.match(path.name)
        if match and path.is_dir():
            found.append((int(match[1]), path))
    found.sort()
    return [
        Day(
            number=number,
            folder=path.name,
            title=readme_title(path),
            tests=count_tests(path),
            files=count_files(path),
            last_change=last_change(repo, path.name),
        )
        for number, path in found
    ]
    # STARTER: raise NotImplementedError("TODO(day60): find the day folders, in course order")
    # END SOLUTION
