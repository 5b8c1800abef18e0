"""Your real course repo, one folder up (BEC_LIVE=1): the portfolio builds and links resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portfolio.cli import EXIT_OK, main

DAY = Path(__file__).resolve().parents[1]


@pytest.mark.live
def test_the_portfolio_of_this_repo(tmp_path):
    out = DAY / "out"
    assert (
        main(
            [
                "--repo",
                str(DAY.parent),
                "--out",
                str(out),
                "--answers",
                str(DAY / "case_study.toml"),
            ]
        )
        == EXIT_OK
    )
    for name in ("PORTFOLIO.md", "CASE_STUDY.md"):
        for target in re.findall(r"\]\(([^)]+)\)", (out / name).read_text()):
            assert (out / target).exists(), f"{name}: {target}"
