"""The documents: relative links that resolve, every role, ISO dates, no placeholders."""

from __future__ import annotations

import re
import shutil
from datetime import date

from portfolio.render import case_study, checklist, link, portfolio
from portfolio.roles import ROLES
from portfolio.scan import scan

LINK = re.compile(r"\]\(([^)]+)\)")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def build(course_repo, answers):
    out = course_repo / "day60" / "out"
    days = scan(course_repo)
    return out, {
        "PORTFOLIO.md": portfolio("Ada", days, ROLES, course_repo, out),
        "CASE_STUDY.md": case_study(answers, days, course_repo, out),
    }


def section(text: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def test_a_link_is_relative_to_the_document(tmp_path):
    assert link(tmp_path / "day07" / "README.md", tmp_path / "day60" / "out") == (
        "../../day07/README.md"
    )


def test_every_link_resolves_and_still_does_after_the_repo_moves(course_repo, answers, tmp_path):
    out, documents = build(course_repo, answers)
    out.mkdir(parents=True)
    for name, text in documents.items():
        (out / name).write_text(text)
    moved = tmp_path / "elsewhere" / "course"
    shutil.copytree(course_repo, moved)
    for name, text in documents.items():
        targets = LINK.findall(text)
        assert targets, f"{name} has no links"
        for target in targets:
            assert not target.startswith("/"), f"{name}: absolute link {target}"
            assert (moved / "day60" / "out" / target).exists(), f"{name}: {target} is broken"


def test_every_role_has_a_section_and_links_only_days_that_exist(course_repo, answers):
    _, documents = build(course_repo, answers)
    skills = section(documents["PORTFOLIO.md"], "Skills by role")
    assert re.findall(r"^### (.+)$", skills, re.MULTILINE) == list(ROLES)
    linked = {int(n) for n in re.findall(r"\.\./\.\./day(\d{2})/README\.md", skills)}
    assert linked == {2, 7, 10, 41, 51} & {n for days in ROLES.values() for n in days}
    backend = skills.split("### Platform Engineer")[0]
    assert "[Day 7: Normalization, indexes and transactions](../../day07/README.md)" in backend
    assert "Not in this repository yet: days 3, 4, 6" in backend


def test_the_timeline_has_iso_dates_in_order(course_repo, answers):
    _, documents = build(course_repo, answers)
    entries = re.findall(
        r"^- (\S+): Day (\d+)", section(documents["PORTFOLIO.md"], "Timeline"), re.M
    )
    assert [int(day) for _, day in entries] == [2, 7, 10, 41, 51]
    assert all(ISO.match(when) for when, _ in entries)
    assert [when for when, _ in entries] == sorted(when for when, _ in entries)


def test_the_summary_counts_days_and_tests(course_repo, answers):
    _, documents = build(course_repo, answers)
    summary = section(documents["PORTFOLIO.md"], "Summary")
    assert "5 of 60 course days" in summary
    assert "with 20 tests" in summary
    assert "from 2026-01-05 to 2026-05-03" in summary


def test_no_document_holds_a_placeholder(course_repo, answers):
    _, documents = build(course_repo, answers)
    for name, text in documents.items():
        assert not re.search(r"\b(todo|tbd|fixme)\b", text, re.IGNORECASE), name


def test_the_case_study_has_its_sections_in_order(course_repo, answers):
    _, documents = build(course_repo, answers)
    headings = re.findall(r"^## (.+)$", documents["CASE_STUDY.md"], re.MULTILINE)
    assert headings == [
        "Context",
        "Problem",
        "Constraints",
        "Architecture",
        "Decisions",
        "Results",
        "Lessons",
        "Next steps",
    ]
    assert re.search(r"\d", section(documents["CASE_STUDY.md"], "Results"))


def test_checklist_items_are_dated_from_the_start_in_iso():
    text = checklist(date(2026, 12, 28))
    dates = re.findall(r"^- \[ \] (\S+):", text, re.MULTILINE)
    assert dates[:1] == ["2026-12-29"]
    assert "2027-01-25" in dates  # 28 days later, across the year
    assert all(ISO.match(when) for when in dates)
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == [
        "This week",
        "This month",
        "This quarter",
    ]
