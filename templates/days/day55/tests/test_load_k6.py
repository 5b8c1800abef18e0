"""k6 (the binary the `k6` package installs): the script's thresholds decide pass or fail."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "load" / "k6.js"


def k6(*args: str) -> subprocess.CompletedProcess:
    beside_python = Path(sys.executable).parent / "k6"
    binary = str(beside_python) if beside_python.exists() else shutil.which("k6")
    assert binary, "k6 is not installed: run `uv sync`"
    env = {**os.environ, "K6_NO_USAGE_REPORT": "true"}
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120, env=env)


def run_script(base_url: str, summary: Path) -> subprocess.CompletedProcess:
    return k6(
        "run", "--quiet", "--no-color", "--no-usage-report",
        "--summary-export", str(summary), "-e", f"BASE_URL={base_url}", str(SCRIPT),
    )  # fmt: skip


def test_k6_inspect_shows_a_fixed_workload_and_failure_thresholds():
    inspected = k6("inspect", str(SCRIPT))
    assert inspected.returncode == 0, inspected.stderr
    options = json.loads(inspected.stdout)
    scenario = options["scenarios"]["api"]
    assert (scenario["executor"], scenario["iterations"]) == ("shared-iterations", 20)
    thresholds = options["thresholds"] or {}
    assert {"http_req_failed", "checks"} <= set(thresholds), thresholds


def test_k6_run_passes_its_thresholds_against_the_app(served, tmp_path):
    run = run_script(served, tmp_path / "summary.json")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    metrics = json.loads((tmp_path / "summary.json").read_text())["metrics"]
    assert metrics["http_reqs"]["count"] == 40  # 20 iterations x 2 requests
    assert (metrics["checks"]["passes"], metrics["checks"]["fails"]) == (40, 0)


def test_k6_run_exits_99_when_a_threshold_is_breached(served, tmp_path):
    # Every request goes to a path that does not exist: 404s. A threshold worth having fails.
    run = run_script(f"{served}/no-such-prefix", tmp_path / "summary.json")
    assert run.returncode == 99, (run.returncode, run.stderr[-2000:])
