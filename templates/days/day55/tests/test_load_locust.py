"""Locust, headless, against the app on a loopback port. Locust runs in its own process: importing
it here would monkey-patch this test process with gevent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LOCUSTFILE = Path(__file__).resolve().parents[1] / "load" / "locustfile.py"
MAX_REQUESTS = 60


def run_locust(base_url: str, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable, "-m", "locust",
            "-f", str(LOCUSTFILE),
            "--headless", "--users", "3", "--spawn-rate", "3",
            "--run-time", "20s",  # a safety net; the run stops at --max-requests
            "--max-requests", str(MAX_REQUESTS),
            "--host", base_url,
            "--only-summary", "--loglevel", "WARNING",
            "--json-file", str(out),
        ],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_headless_locust_run_has_no_failures_on_any_endpoint(served, tmp_path):
    run = run_locust(served, tmp_path / "stats")
    assert run.returncode == 0, run.stderr[-2000:]
    stats = json.loads((tmp_path / "stats.json").read_text())
    by_name = {entry["name"]: entry for entry in stats}
    assert sum(entry["num_failures"] for entry in stats) == 0, by_name
    assert sum(entry["num_requests"] for entry in stats) >= MAX_REQUESTS
    for name in ("/api/agent/jobs [create]", "/api/agent/jobs [list]", "/api/agent/jobs/[id]"):
        assert by_name[name]["num_requests"] > 0, name
