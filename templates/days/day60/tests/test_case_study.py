"""The case study is published only when every answer is written and results have numbers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from portfolio.case_study import IncompleteCaseStudy, checked, problems

DAY = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("placeholder", ["TODO", "todo: later", "TBD", "FixMe", "Lorem ipsum"])
def test_a_placeholder_anywhere_is_refused_and_named(answers, placeholder):
    answers["decisions"][0]["why"] = f"{placeholder} explain this"
    found = problems(answers)
    assert any("decisions.why" in problem for problem in found), found


def test_complete_answers_pass_and_a_missing_one_is_named(answers):
    assert problems(answers) == []
    assert checked(answers) is answers
    del answers["problem"]
    answers["lessons"] = []
    found = problems(answers)
    assert any("`problem`" in problem for problem in found)
    assert any("`lessons`" in problem for problem in found)


def test_a_result_without_a_number_is_refused(answers):
    answers["results"].append("Search got much faster")
    found = problems(answers)
    assert any("Search got much faster" in problem for problem in found), found


def test_a_decision_needs_its_reason(answers):
    answers["decisions"].append({"title": "Kubernetes"})
    with pytest.raises(IncompleteCaseStudy, match="decision 2"):
        checked(answers)


def test_your_own_case_study_is_ready_to_publish():
    answers = tomllib.loads((DAY / "case_study.toml").read_text(encoding="utf-8"))
    text = repr(answers)
    assert not re.search(r"\b(todo|tbd|fixme)\b", text, re.IGNORECASE), "answers still say TODO"
    assert problems(answers) == []
