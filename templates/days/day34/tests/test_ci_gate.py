"""The coverage gate is configured once (pyproject.toml) and enforced by CI."""

import re
import shlex
import tomllib
from pathlib import Path

import yaml

DAY = Path(__file__).resolve().parent.parent
WORKFLOW = DAY / ".github" / "workflows" / "coverage.yml"
THRESHOLD = 85


def test_pyproject_sets_a_branch_coverage_gate_of_at_least_85_percent():
    coverage = tomllib.loads((DAY / "pyproject.toml").read_text()).get("tool", {}).get("coverage")

    assert coverage, "pyproject.toml has no [tool.coverage.*] settings yet"
    run = coverage.get("run", {})
    assert run.get("branch") is True, "[tool.coverage.run] branch = true: lines alone hide ifs"
    assert "shop" in run.get("source", []), "[tool.coverage.run] source must measure shop"
    fail_under = coverage.get("report", {}).get("fail_under", 0)
    assert fail_under >= THRESHOLD, (
        f"[tool.coverage.report] fail_under is {fail_under}: the gate is {THRESHOLD} or more"
    )


def pytest_steps(workflow: dict) -> list[tuple[dict, dict]]:
    return [
        (job, step)
        for job in workflow.get("jobs", {}).values()
        for step in job.get("steps", [])
        if "pytest" in str(step.get("run", ""))
    ]


def test_the_workflow_runs_the_suite_under_the_coverage_gate():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    gated = [
        (job, step)
        for job, step in pytest_steps(workflow)
        if "suite" in shlex.split(step["run"]) and "--cov" in step["run"]
    ]

    assert gated, "no step runs `pytest suite` with --cov: CI never measures coverage"
    for job, step in gated:
        command = step["run"]
        assert not job.get("continue-on-error") and not step.get("continue-on-error"), (
            "continue-on-error turns the gate into a suggestion"
        )
        assert not re.search(r"\|\|\s*(true|:|exit 0)", command), f"{command!r} ignores failure"
        for value in re.findall(r"--cov-fail-under[= ](\d+(?:\.\d+)?)", command):
            assert float(value) >= THRESHOLD, f"{command!r} lowers the gate to {value}"
        assert "--no-cov" not in command and "--cov-fail-under=0" not in command
    triggers = workflow.get(True) or workflow.get("on") or {}
    assert "pull_request" in triggers, "the gate must run on pull requests, before merging"
