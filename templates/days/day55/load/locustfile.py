"""Load test for KnowledgeCloud's agent API (Locust).

    uv run locust -f load/locustfile.py --headless --users 4 --spawn-rate 4 \\
        --run-time 30s --max-requests 200 --host http://127.0.0.1:8000

Each simulated user is a person of its own tenant: it creates a job, then mostly reads the job
listing (the endpoint that had the N+1), one job, and its notifications. A response is a
failure when its status is wrong or its body does not say what it should, not only when the
connection breaks. `--max-requests` stops the run after that many requests, so a run's size
does not depend on the machine's speed.
"""

from __future__ import annotations

import itertools

import gevent
from locust import HttpUser, constant, events, task

_users = itertools.count(1)


@events.init_command_line_parser.add_listener
def _options(parser) -> None:
    parser.add_argument(
        "--max-requests", type=int, default=0, help="stop after this many requests (0: no limit)"
    )


@events.init.add_listener
def _stop_after_max_requests(environment, **_kwargs) -> None:
    options = environment.parsed_options
    limit = getattr(options, "max_requests", 0) if options else 0
    if not limit:
        return
    seen = itertools.count(1)

    def on_request(**_request) -> None:
        if next(seen) == limit and environment.runner is not None:
            # In a greenlet of its own: quit() stops the users, and this listener runs inside one.
            gevent.spawn(environment.runner.quit)

    environment.events.request.add_listener(on_request)


class TenantUser(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        number = next(_users)
        self.headers = {"X-Tenant-Id": f"load-{number}", "X-User-Id": f"user-{number}"}
        with self.client.post(
            "/api/agent/jobs",
            json={"goal": "Summarise the refund policy."},
            headers=self.headers,
            name="/api/agent/jobs [create]",
            catch_response=True,
        ) as answer:
            if answer.status_code != 202:
                answer.failure(f"expected 202, got {answer.status_code}")
                self.job_id = None
                return
            self.job_id = answer.json()["job_id"]

    @task(4)
    def list_jobs(self) -> None:
        with self.client.get(
            "/api/agent/jobs?limit=20",
            headers=self.headers,
            name="/api/agent/jobs [list]",
            catch_response=True,
        ) as answer:
            jobs = answer.json().get("jobs", []) if answer.status_code == 200 else []
            if not any(job["id"] == self.job_id for job in jobs):
                answer.failure(f"own job missing from the listing (status {answer.status_code})")

    @task(2)
    def read_job(self) -> None:
        with self.client.get(
            f"/api/agent/jobs/{self.job_id}",
            headers=self.headers,
            name="/api/agent/jobs/[id]",
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"expected 200, got {answer.status_code}")

    @task(1)
    def notifications(self) -> None:
        self.client.get("/api/notifications", headers=self.headers, name="/api/notifications")
