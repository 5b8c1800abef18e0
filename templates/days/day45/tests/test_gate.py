"""The CI gate: the comparison, the command's exit codes, and the workflow that runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from shop.evaluation.gate import compare, main
from shop.evaluation.report import render

DAY = Path(__file__).resolve().parents[1]
WORKFLOW = DAY / ".github" / "workflows" / "eval-gate.yml"
GOLDEN = Path(__file__).parent / "golden" / "report.txt"

SUMMARY = {
    "hit_rate": Decimal("0.9000"),
    "mrr": Decimal("0.8000"),
    "cost_per_case_usd": Decimal("0.00005706"),
}


def test_a_score_below_its_minimum_fails_and_is_named():
    failures = compare(SUMMARY, {"min": {"hit_rate": Decimal("0.9500")}})
    assert failures == ["hit_rate 0.9000 is below the baseline 0.9500"]


def test_a_score_equal_to_or_above_its_minimum_passes():
    assert compare(SUMMARY, {"min": {"hit_rate": Decimal("0.9000")}}) == []
    assert compare(SUMMARY, {"min": {"hit_rate": Decimal("0.8000"), "mrr": Decimal("0.5")}}) == []


def test_a_cost_above_its_maximum_fails_and_equal_passes():
    limit = {"max": {"cost_per_case_usd": Decimal("0.00005000")}}
    assert compare(SUMMARY, limit) == [
        "cost_per_case_usd 0.00005706 is above the baseline 0.00005000"
    ]
    assert compare(SUMMARY, {"max": {"cost_per_case_usd": Decimal("0.00005706")}}) == []


def test_a_metric_missing_from_the_report_fails():
    failures = compare(SUMMARY, {"min": {"faithfulness": Decimal("0.9")}})
    assert len(failures) == 1
    assert "faithfulness" in failures[0]
    assert "missing" in failures[0]


def test_failures_are_listed_by_metric_name():
    failures = compare(
        SUMMARY, {"min": {"mrr": Decimal("0.9"), "hit_rate": Decimal("0.95")}, "max": {}}
    )
    assert [failure.split()[0] for failure in failures] == ["hit_rate", "mrr"]


def run_gate(*args: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("BEC_LIVE", None)
    return subprocess.run(
        [sys.executable, "-m", "shop.evaluation.gate", *args],
        cwd=DAY,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def gate_run(tmp_path_factory):
    """The gate as CI runs it: a separate process (with its own hash seed), committed baseline."""
    report = tmp_path_factory.mktemp("reports") / "report.txt"
    return run_gate("--report", str(report), seed="1"), report


def test_gate_passes_on_the_committed_baseline(gate_run):
    result, _ = gate_run
    assert result.returncode == 0, result.stderr
    assert "every metric holds" in result.stdout


def test_gate_writes_the_same_report_bytes_on_every_run(gate_run, offline, cases, run_offline):
    _, path = gate_run
    assert path.is_file(), "the gate wrote no report"
    # This process and the gate's have different hash seeds: set order, dict order of sets...
    in_process = render(run_offline(offline, cases)).encode()
    assert path.read_bytes() == in_process
    assert path.read_bytes() == GOLDEN.read_bytes()


def test_gate_exits_1_and_names_the_metric_that_regressed(tmp_path, capsys):
    baseline = json.loads((DAY / "evals" / "baseline.json").read_text())
    baseline["min"]["hit_rate"] = "0.9500"
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(baseline))

    code = main(["--baseline", str(path), "--dataset", str(DAY / "evals" / "dataset.jsonl")])

    assert code == 1
    assert "hit_rate 0.9000 is below the baseline 0.9500" in capsys.readouterr().err


def test_workflow_runs_the_gate_on_every_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    assert any("python -m shop.evaluation.gate" in run for run in runs), runs
    assert any("uv sync --locked" in run for run in runs)
    job = next(iter(workflow["jobs"].values()))
    assert job["defaults"]["run"]["working-directory"] == "day45"
