"""The agent's tables in SQLite: jobs, their steps, and approvals.

Everything a worker needs to continue a job lives here, not in a Python object: the job's
state, every tool call the model asked for with its result (`job_steps`, the job's journal), and
the write waiting for a person (`approvals`). A new process opening the same file carries on
where the old one stopped.

State changes are compare-and-set: `UPDATE jobs SET state = :wanted WHERE id = :id AND state =
:current`. If another request or worker moved the job first, no row matches and the move is
refused, instead of two writers both believing they won.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledgecloud.agent.states import IllegalTransition, JobState, can_transition

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    approver_id TEXT NOT NULL,
    goal        TEXT NOT NULL,
    state       TEXT NOT NULL,
    report      TEXT,
    error       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_runnable ON jobs (state, created_at);
CREATE TABLE IF NOT EXISTS job_steps (
    job_id    TEXT NOT NULL REFERENCES jobs (id),
    seq       INTEGER NOT NULL,
    call_id   TEXT NOT NULL,
    tool      TEXT NOT NULL,
    arguments TEXT NOT NULL,
    result    TEXT,               -- NULL: asked for, not performed yet (a parked write)
    PRIMARY KEY (job_id, seq)
);
CREATE TABLE IF NOT EXISTS approvals (
    job_id      TEXT PRIMARY KEY REFERENCES jobs (id),
    tenant_id   TEXT NOT NULL,
    approver_id TEXT NOT NULL,
    seq         INTEGER NOT NULL, -- the parked step in job_steps
    action      TEXT NOT NULL,
    decision    TEXT,             -- NULL until decided: approved | rejected
    decided_by  TEXT,
    decided_at  TEXT
);
"""

# States a worker picks up: new jobs, jobs whose write was approved, and jobs a crashed worker
# left running.
RUNNABLE = (JobState.QUEUED, JobState.APPROVED, JobState.RUNNING)


@dataclass(frozen=True)
class Job:
    id: str
    tenant_id: str
    user_id: str
    approver_id: str
    goal: str
    state: JobState
    report: str | None
    error: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Step:
    seq: int
    call_id: str
    tool: str
    arguments: dict[str, Any]
    result: str | None


@dataclass(frozen=True)
class Approval:
    job_id: str
    tenant_id: str
    approver_id: str
    seq: int
    action: str
    decision: str | None
    decided_by: str | None


class JobStore:
    """The agent's database. One per process; safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._tx() as db:
            db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """Run a read-only query over the agent's tables (for read models such as listings)."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def trace(self, callback: Any) -> None:
        """Call `callback(sql)` for every statement this store runs (None stops it): how a test
        counts queries."""
        self._db.set_trace_callback(callback)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock, self._db:
            yield self._db

    # -- jobs ---------------------------------------------------------------------------------

    def create(self, job: Job) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO jobs (id, tenant_id, user_id, approver_id, goal, state, report,"
                " error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    job.tenant_id,
                    job.user_id,
                    job.approver_id,
                    job.goal,
                    job.state.value,
                    job.report,
                    job.error,
                    job.created_at,
                    job.updated_at,
                ),
            )

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        return Job(**{**dict(row), "state": JobState(row["state"])})

    def runnable(self) -> list[str]:
        marks = ", ".join("?" for _ in RUNNABLE)
        with self._lock:
            rows = self._db.execute(
                f"SELECT id FROM jobs WHERE state IN ({marks}) ORDER BY created_at, id",
                [state.value for state in RUNNABLE],
            ).fetchall()
        return [row["id"] for row in rows]

    def transition(
        self, job_id: str, current: JobState, wanted: JobState, at: str, **fields: Any
    ) -> None:
        """Move the job from `current` to `wanted` (and set `fields`: report, error)."""
        with self._tx() as db:
            _move(db, job_id, current, wanted, at, **fields)

    # -- steps: the job's journal ---------------------------------------------------------------

    def steps(self, job_id: str) -> list[Step]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, call_id, tool, arguments, result FROM job_steps"
                " WHERE job_id = ? ORDER BY seq",
                (job_id,),
            ).fetchall()
        return [
            Step(r["seq"], r["call_id"], r["tool"], json.loads(r["arguments"]), r["result"])
            for r in rows
        ]

    def record_step(
        self, job_id: str, call_id: str, tool: str, arguments: dict[str, Any], result: str
    ) -> int:
        """Journal a tool call the worker has performed, with its result."""
        with self._tx() as db:
            return _insert_step(db, job_id, call_id, tool, arguments, result)

    def complete_step(self, job_id: str, seq: int, result: str) -> None:
        """Record the result of a parked step once it has been performed."""
        with self._tx() as db:
            db.execute(
                "UPDATE job_steps SET result = ? WHERE job_id = ? AND seq = ? AND result IS NULL",
                (result, job_id, seq),
            )

    # -- approvals ------------------------------------------------------------------------------

    def park_for_approval(
        self,
        job: Job,
        call_id: str,
        tool: str,
        arguments: dict[str, Any],
        action: str,
        at: str,
    ) -> None:
        """In ONE transaction: journal the write without a result, create the approval, and move
        the job `running → awaiting_approval`. A crash leaves either all three or none."""
        with self._tx() as db:
            seq = _insert_step(db, job.id, call_id, tool, arguments, None)
            db.execute(
                "INSERT INTO approvals (job_id, tenant_id, approver_id, seq, action)"
                " VALUES (?, ?, ?, ?, ?)",
                (job.id, job.tenant_id, job.approver_id, seq, action),
            )
            _move(db, job.id, JobState.RUNNING, JobState.AWAITING_APPROVAL, at)

    def approval(self, job_id: str) -> Approval | None:
        with self._lock:
            row = self._db.execute(
                "SELECT job_id, tenant_id, approver_id, seq, action, decision, decided_by"
                " FROM approvals WHERE job_id = ?",
                (job_id,),
            ).fetchone()
        return None if row is None else Approval(**dict(row))

    def decide(self, job_id: str, approved: bool, decided_by: str, at: str) -> JobState:
        """Record the decision and move `awaiting_approval → approved | rejected`, together."""
        wanted = JobState.APPROVED if approved else JobState.REJECTED
        with self._tx() as db:
            _move(db, job_id, JobState.AWAITING_APPROVAL, wanted, at)
            db.execute(
                "UPDATE approvals SET decision = ?, decided_by = ?, decided_at = ?"
                " WHERE job_id = ? AND decision IS NULL",
                (wanted.value, decided_by, at, job_id),
            )
        return wanted


def _insert_step(
    db: sqlite3.Connection,
    job_id: str,
    call_id: str,
    tool: str,
    arguments: dict[str, Any],
    result: str | None,
) -> int:
    (seq,) = db.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM job_steps WHERE job_id = ?", (job_id,)
    ).fetchone()
    db.execute(
        "INSERT INTO job_steps (job_id, seq, call_id, tool, arguments, result)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (job_id, seq, call_id, tool, json.dumps(arguments, sort_keys=True), result),
    )
    return seq


def _move(
    db: sqlite3.Connection,
    job_id: str,
    current: JobState,
    wanted: JobState,
    at: str,
    **fields: Any,
) -> None:
    """Inside the caller's transaction: move the job `current → wanted`, or raise.

    Raise IllegalTransition when the state machine forbids the move, and also when the job is
    not (any more) in `current`: the UPDATE must only match a row still in `current`.
    `fields` are extra columns to set (report, error).
    """
    # BEGIN SOLUTION
    if not can_transition(current, wanted):
        raise IllegalTransition(job_id, current.value, wanted.value)
    columns = "".join(f", {name} = :{name}" for name in sorted(fields))
    changed = db.execute(
        f"UPDATE jobs SET state = :wanted, updated_at = :at{columns}"
        " WHERE id = :id AND state = :current",
        {"wanted": wanted.value, "at": at, "id": job_id, "current": current.value, **fields},
    ).rowcount
    if changed != 1:
        row = db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        raise IllegalTransition(job_id, row["state"] if row else "missing", wanted.value)
    # STARTER: raise NotImplementedError("TODO(day54): a compare-and-set UPDATE of the state")
    # END SOLUTION
