"""`python -m portfolio`: check everything first, then write the three documents."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import case_study, render
from .roles import ROLES
from .scan import scan

EXIT_OK = 0
EXIT_NOT_READY = 2  # the answers or the repo are not ready; nothing was written


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="portfolio", description=__doc__)
    parser.add_argument("--repo", type=Path, default=Path(".."), help="the course repo")
    parser.add_argument("--out", type=Path, default=Path("out"), help="where to write")
    parser.add_argument("--name", default="Backend engineer", help="your name for the title")
    parser.add_argument("--answers", type=Path, default=Path("case_study.toml"))
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    repo = args.repo.resolve()
    out_dir = args.out.resolve()
    try:
        answers = case_study.checked(case_study.load(args.answers))
    except case_study.IncompleteCaseStudy as err:
        print(f"portfolio: {err}", file=sys.stderr)
        return EXIT_NOT_READY
    days = scan(repo)
    if not days:
        print(f"portfolio: no dayNN folders in {repo}: pass --repo", file=sys.stderr)
        return EXIT_NOT_READY
    documents = {
        "PORTFOLIO.md": render.portfolio(args.name, days, ROLES, repo, out_dir),
        "CASE_STUDY.md": render.case_study(answers, days, repo, out_dir),
        "CHECKLIST.md": render.checklist(args.today or date.today()),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        # Write next to the target, then rename: a reader never sees half a document.
        partial = out_dir / f".{name}.partial"
        partial.write_text(text, encoding="utf-8")
        partial.replace(out_dir / name)
    print(f"portfolio: wrote {', '.join(documents)} to {out_dir}")
    return EXIT_OK
