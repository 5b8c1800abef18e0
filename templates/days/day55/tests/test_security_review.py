"""The security review is data: every claim in security/asvs.yaml points at evidence that exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

DAY = Path(__file__).resolve().parents[1]
REVIEW = yaml.safe_load((DAY / "security" / "asvs.yaml").read_text(encoding="utf-8"))
REQUIREMENTS = REVIEW["requirements"]
ASVS_ID = re.compile(r"^V\d{1,2}\.\d{1,2}\.\d{1,2}$")
STATUSES = {"pass", "fail", "not_applicable"}
# The areas this week's code must have reviewed: tenant isolation, ordered flows, races.
REQUIRED = {"V4.1.1", "V4.2.1", "V11.1.1", "V11.1.6"}


def _evidence() -> list[tuple[str, dict]]:
    return [(req["id"], item) for req in REQUIREMENTS for item in req.get("evidence") or []]


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_requirement_has_an_asvs_id_a_status_and_what_that_status_needs():
    ids = [req["id"] for req in REQUIREMENTS]
    assert len(ids) == len(set(ids)), "a requirement is listed twice"
    for req in REQUIREMENTS:
        assert ASVS_ID.match(req["id"]), req["id"]
        assert req.get("title"), req["id"]
        assert req["status"] in STATUSES, f"{req['id']}: status {req['status']!r}"
        if req["status"] == "pass":
            assert req.get("evidence"), f"{req['id']} passes without evidence"
            assert all({"test", "file"} & set(item) for item in req["evidence"]), req["id"]
        if req["status"] == "fail":
            assert req.get("finding") and req.get("fix"), f"{req['id']}: a failure needs both"
        if req["status"] == "not_applicable":
            assert req.get("reason"), f"{req['id']}: say why it does not apply"


def test_the_review_covers_tenant_isolation_ordered_flows_and_races():
    passed = {req["id"] for req in REQUIREMENTS if req["status"] == "pass"}
    assert REQUIRED <= passed, f"missing or not passing: {sorted(REQUIRED - passed)}"


def test_each_piece_of_evidence_exists_and_the_required_areas_have_some():
    problems = [
        f"{req_id}: {problem}" for req_id, item in _evidence() if (problem := _missing(item))
    ]
    with_evidence = {req["id"] for req in REQUIREMENTS if req.get("evidence")}
    problems += [f"{req_id}: no evidence" for req_id in sorted(REQUIRED - with_evidence)]
    assert problems == []


def _missing(item: dict) -> str | None:
    """What is wrong with one piece of evidence, or None when it exists."""
    if "test" in item:
        file_part, _, name = item["test"].partition("::")
        path = DAY / file_part
        if not path.is_file():
            return f"no test file {file_part}"
        if name.split("[")[0] not in _test_names(path):
            return f"no test {item['test']}"
        return None
    if "file" in item:
        path = DAY / item["file"]
        if not path.is_file():
            return f"no file {item['file']}"
        if item.get("contains", "") not in path.read_text(encoding="utf-8"):
            return f"{item['file']} does not contain {item['contains']!r}"
        return None
    return f"evidence must be a test: or a file:, not {sorted(item)}"
