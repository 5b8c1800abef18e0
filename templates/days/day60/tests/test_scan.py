"""Reading the repo: the day folders in course order, and only the learner's own files."""

from __future__ import annotations

from conftest import git

from portfolio.scan import scan


def test_days_come_in_course_order_not_alphabetical(course_repo):
    assert [day.number for day in scan(course_repo)] == [2, 7, 10, 41, 51]
    assert [day.folder for day in scan(course_repo)][:3] == ["day02", "day07", "day10"]


def test_titles_lose_their_day_prefix_and_tests_are_counted(course_repo):
    day = {d.number: d for d in scan(course_repo)}[7]
    assert day.title == "Normalization, indexes and transactions"
    assert day.tests == 5


def test_a_virtualenv_and_bytecode_are_not_the_learners_files(course_repo):
    day = {d.number: d for d in scan(course_repo)}[7]
    assert day.files == 3  # README.md, app.py, tests/test_day.py


def test_last_change_is_the_iso_date_of_the_last_commit_touching_the_folder(course_repo):
    days = {d.number: d for d in scan(course_repo)}
    assert days[7].last_change == "2026-01-20"
    assert days[41].last_change == "2026-04-10"

    (course_repo / "day07" / "app.py").write_text("VALUE = 2\n")
    git(course_repo, "commit", "-qam", "revisit day 7", when="2026-06-01T23:30:00+00:00")
    assert {d.number: d for d in scan(course_repo)}[7].last_change == "2026-06-01"


def test_a_day_folder_never_committed_has_no_date(course_repo):
    (course_repo / "day12").mkdir()
    (course_repo / "day12" / "README.md").write_text("# Day 12 — Microservices\n")
    assert {d.number: d for d in scan(course_repo)}[12].last_change is None
