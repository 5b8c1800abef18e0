"""Known-wrong solutions: patches over a day's reference that the day's tests must catch.

A course keeps them beside its days, outside anything bec renders, so learners never receive them::

    wrong/day07/read-check-write.patch

Each file is a header of ``#`` lines, then a unified diff (``git diff --relative=dayNN``) whose
paths are relative to the day folder::

    # The mistake: place_order reads the stock, checks it in Python, then writes it back
    # Why it is wrong: two concurrent orders both read 1 and both succeed (a lost update)
    # Caught by: tests/test_place_order.py::test_two_orders_for_the_last_item
    diff --git a/app/orders.py b/app/orders.py
    ...

The harness applies the diff to the rendered reference and runs the day's tests. The variant is
*caught* when every test named in ``Caught by:`` fails as a test failure (an assertion, pytest's
``Failed``, or any exception raised by the wrong code, but never an import, syntax or name error,
which would mean the patch broke the code rather than made it wrong) and no test errors in
collection or setup.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

HEADER_KEYS = {"the mistake": "mistake", "why it is wrong": "why", "caught by": "caught_by"}

# Failure types that mean the patch broke the program instead of making it wrong.
BROKEN_TYPES = {
    "ImportError",
    "ModuleNotFoundError",
    "SyntaxError",
    "IndentationError",
    "NameError",
}


@dataclasses.dataclass
class WrongVariant:
    path: Path
    name: str  # file stem: "read-check-write"
    mistake: str
    why: str
    caught_by: list[str]  # pytest node ids, relative to the day folder
    diff: str

    @property
    def label(self) -> str:
        return f"wrong/{self.path.parent.name}/{self.path.name}"


class VariantError(ValueError):
    """A variant file that cannot be used, with the reason."""


def parse_variant(path: Path) -> WrongVariant:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    body_start = None
    for i, line in enumerate(lines):
        if line.startswith(("diff --git ", "--- ")):
            body_start = i
            break
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            raise VariantError(
                f"line {i + 1}: the header holds only `# Key: value` lines before the diff"
            )
        m = re.match(r"#\s*([^:]+):\s*(.*)$", stripped)
        if m and m.group(1).strip().lower() in HEADER_KEYS:
            key = HEADER_KEYS[m.group(1).strip().lower()]
            fields[key] = (fields.get(key, "") + " " + m.group(2)).strip()
    if body_start is None:
        raise VariantError(
            "no diff: put the output of `git diff --relative=dayNN` after the header"
        )
    missing = [k for k, v in HEADER_KEYS.items() if not fields.get(v)]
    if missing:
        raise VariantError(
            "the header misses " + ", ".join(f"`# {k[0].upper() + k[1:]}: ...`" for k in missing)
        )
    return WrongVariant(
        path=path,
        name=path.stem,
        mistake=fields["mistake"],
        why=fields["why"],
        caught_by=fields["caught_by"].split(),
        diff="".join(lines[body_start:]),
    )


def variant_files(course_dir: Path, day_dir: str) -> list[Path]:
    folder = course_dir / "wrong" / day_dir
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.patch"))


def failure_kind(message: str) -> str:
    """The exception type a JUnit failure message starts with ("" for a plain assertion)."""
    text = message.strip()
    m = re.match(r"^([A-Za-z_][\w.]*)(?::|$)", text)
    return m.group(1).rsplit(".", 1)[-1] if m else ""


def verdict(
    variant: WrongVariant, results: list[tuple[str, str, str]], node_to_id
) -> tuple[bool, list[str]]:
    """Was the variant caught? ``results`` are (junit id, outcome, message) of the whole run.

    Returns (caught, problems). A problem is something that makes the proof invalid (an error in
    collection, a named test that does not exist or fails by breaking the code); a named test that
    passes makes the variant uncaught.
    """
    problems: list[str] = []
    by_id = {rid: (outcome, message) for rid, outcome, message in results}
    for rid, outcome, message in results:
        if outcome == "error":
            problems.append(f"{rid} errors (collection or fixture): {message.strip()[:200]}")
    caught = True
    for node in variant.caught_by:
        rid = node_to_id(node)
        if rid not in by_id:
            problems.append(f"`Caught by:` names {node}, which is not a test of the day")
            caught = False
            continue
        outcome, message = by_id[rid]
        if outcome == "passed":
            problems.append(f"{node} passes: the wrong solution is not caught")
            caught = False
        elif outcome == "skipped":
            problems.append(f"{node} is skipped, so it cannot catch anything")
            caught = False
        elif outcome == "failed" and failure_kind(message) in BROKEN_TYPES:
            problems.append(
                f"{node} fails with {failure_kind(message)}: the patch breaks the code instead "
                "of making it wrong"
            )
            caught = False
    return caught and not problems, problems
