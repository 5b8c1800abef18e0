"""`python -m portfolio`: all three documents, or none and a message naming what to fix."""

from __future__ import annotations

import tomllib
from pathlib import Path

from portfolio.cli import EXIT_NOT_READY, EXIT_OK, main

DAY = Path(__file__).resolve().parents[1]


def write_answers(path: Path, answers: dict) -> Path:
    lines = []
    for key, value in answers.items():
        if key == "decisions":
            continue
        if isinstance(value, list):
            items = ", ".join(f'"{item}"' for item in value)
            lines.append(f"{key} = [{items}]")
        else:
            lines.append(f'{key} = "{value}"')
    for decision in answers.get("decisions", []):
        lines += ["", "[[decisions]]"] + [f'{k} = "{v}"' for k, v in decision.items()]
    path.write_text("\n".join(lines) + "\n")
    assert tomllib.loads(path.read_text()) == answers
    return path


def run(course_repo, answers_file, out):
    argv = ["--repo", str(course_repo), "--out", str(out), "--answers", str(answers_file)]
    return main([*argv, "--name", "Ada", "--today", "2026-12-28"])


def test_writes_the_three_documents(course_repo, answers, tmp_path):
    out = course_repo / "day60" / "out"
    code = run(course_repo, write_answers(tmp_path / "a.toml", answers), out)
    assert code == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == [
        "CASE_STUDY.md",
        "CHECKLIST.md",
        "PORTFOLIO.md",
    ]
    assert (out / "PORTFOLIO.md").read_text().startswith("# Portfolio: Ada\n")
    assert "TODO" not in (out / "PORTFOLIO.md").read_text()


def test_unready_answers_write_nothing_and_name_the_problem(course_repo, answers, tmp_path, capsys):
    answers["results"] = ["It got better"]
    out = course_repo / "day60" / "out"
    code = run(course_repo, write_answers(tmp_path / "a.toml", answers), out)
    assert code == EXIT_NOT_READY
    assert not out.exists()
    assert "It got better" in capsys.readouterr().err
