"""Regenerate templates/days/day25/openapi.json after a change to day 25's shop API.

Day 25's committed OpenAPI file differs between starter and reference, and JSON has no comments
for solution regions, so the template holds both inside a region of `#` marker lines:

    # BEGIN SOLUTION
    {...the reference app's spec, as `python -m shop.spec` writes it...}
    # STARTER: {...a stale export of the starter app, on one line...}
    # END SOLUTION

The starter's copy is deliberately stale (made before the cancellations route existed): the
learner's first failing test is the one that notices. Usage:

    .cache/lab-venv/bin/python tools/refresh_day25_spec.py --bec target/debug/bec
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = REPO_ROOT / "templates" / "days" / "day25" / "openapi.json"
PRINT_SPEC = (
    "import json; from shop.app import create_app; print(json.dumps(create_app().openapi()))"
)
LATER_PATH = "/orders/{order_id}/cancellations"
LATER_SCHEMA = "NewCancellation"


def spec_of(bec: str, target: Path, solution: bool) -> dict:
    command = [bec, "--course", str(REPO_ROOT / "templates"), "new", "day25", str(target), "--yes"]
    command += ["--set", "author_name=Maintainer", "--set", "author_email=m@example.invalid"]
    if solution:
        command.append("--solution")
    subprocess.run(command, check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-c", PRINT_SPEC],
        cwd=target / "day25",
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bec", required=True, help="the bec binary used to render day 25")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reference = spec_of(args.bec, Path(tmp) / "reference", solution=True)
        stale = spec_of(args.bec, Path(tmp) / "starter", solution=False)
    del stale["paths"][LATER_PATH]
    del stale["components"]["schemas"][LATER_SCHEMA]
    pretty = json.dumps(reference, indent=2, ensure_ascii=False) + "\n"
    one_line = json.dumps(stale, ensure_ascii=False)
    TEMPLATE.write_text(
        f"# BEGIN SOLUTION\n{pretty}# STARTER: {one_line}\n# END SOLUTION\n", encoding="utf-8"
    )
    print(f"wrote {TEMPLATE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
