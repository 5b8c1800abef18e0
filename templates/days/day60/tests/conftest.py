"""A small course repo in a temporary folder, with git history on fixed dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

# folder -> (README heading, test functions, commit date)
DAYS = {
    "day02": ("# Day 2 — Choosing a backend language", 2, "2026-01-05T10:00:00+00:00"),
    "day07": ("# Day 7 — Normalization, indexes and transactions", 5, "2026-01-20T18:30:00+00:00"),
    "day10": ("# Day 10 — Authentication and security basics", 4, "2026-02-02T09:15:00+00:00"),
    "day41": ("# Day 41 — The LLM landscape and APIs", 3, "2026-04-10T21:45:00+00:00"),
    "day51": ("# Day 51 — Capstone architecture", 6, "2026-05-03T08:00:00+00:00"),
}


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="reads this course repo; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Learner",
        "GIT_AUTHOR_EMAIL": "learner@example.invalid",
        "GIT_COMMITTER_NAME": "Learner",
        "GIT_COMMITTER_EMAIL": "learner@example.invalid",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def write_day(repo: Path, folder: str, heading: str, tests: int) -> None:
    day = repo / folder
    (day / "tests").mkdir(parents=True)
    (day / "README.md").write_text(f"{heading}\n\n## Goal\n\nLearn.\n")
    (day / "app.py").write_text("VALUE = 1\n")
    body = "".join(f"def test_case_{n}():\n    assert True\n\n\n" for n in range(tests))
    (day / "tests" / "test_day.py").write_text(body)


@pytest.fixture
def course_repo(tmp_path) -> Path:
    repo = tmp_path / "course"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / ".gitignore").write_text(".venv/\n__pycache__/\n")
    git(repo, "add", ".gitignore")
    git(repo, "commit", "-q", "-m", "start", when="2026-01-01T08:00:00+00:00")
    for folder, (heading, tests, when) in DAYS.items():
        write_day(repo, folder, heading, tests)
        git(repo, "add", folder)
        git(repo, "commit", "-q", "-m", f"{folder} done", when=when)
    # Tools' output the learner never wrote: a virtualenv and bytecode.
    venv = repo / "day07" / ".venv" / "lib"
    venv.mkdir(parents=True)
    for n in range(40):
        (venv / f"module_{n}.py").write_text("x = 1\n")
    (repo / "day07" / "__pycache__").mkdir()
    (repo / "day07" / "__pycache__" / "app.cpython-312.pyc").write_bytes(b"\0")
    (repo / "day07" / ".venv" / "lib" / "test_vendored.py").write_text("def test_x():\n    pass\n")
    # A folder that only looks like a day, and a day folder never committed.
    (repo / "day7-notes").mkdir()
    (repo / "notes").mkdir()
    return repo


@pytest.fixture
def answers() -> dict:
    return {
        "title": "KnowledgeCloud",
        "context": "Teams cannot search their documents.",
        "problem": "Answer questions from private documents with citations.",
        "constraints": ["One tenant never sees another's data"],
        "architecture": "Seven services behind a gateway.",
        "decisions": [{"title": "Outbox", "why": "the event and the row commit together"}],
        "results": ["Search answers in 120 ms at p95 on the fixture set"],
        "lessons": ["Contracts first saved a week of rework"],
        "next_steps": ["Measure on real questions"],
    }
