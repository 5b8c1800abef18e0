"""`python -m archcheck check` (exit 1 on problems) and `python -m archcheck render`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archcheck.checker import check
from archcheck.diagrams import write_diagrams
from archcheck.model import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archcheck")
    parser.add_argument("command", choices=["check", "render"])
    parser.add_argument("--root", type=Path, default=Path("."), help="the day folder")
    args = parser.parse_args(argv)
    if args.command == "render":
        for path in write_diagrams(load(args.root), args.root):
            print(f"wrote {path}")
        return 0
    problems = check(args.root)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "consistent")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
