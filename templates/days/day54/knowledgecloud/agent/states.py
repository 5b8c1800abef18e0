"""The job's life as a state machine: which state may follow which.

    queued ──► running ──► awaiting_approval ──► approved ──► running ──► ...
                  │                 │
                  │                 └──────────► rejected            (final)
                  ├──► succeeded                                     (final)
                  └──► failed                                        (final)

`approved` is a short stop: the worker performs the approved write, then the job is `running`
again until the model writes its report. A job that fails after approval goes `approved → failed`.
"""

from __future__ import annotations

from enum import StrEnum


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


FINAL = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.REJECTED})

# BEGIN SOLUTION
TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.FAILED}),
    JobState.RUNNING: frozenset({JobState.AWAITING_APPROVAL, JobState.SUCCEEDED, JobState.FAILED}),
    JobState.AWAITING_APPROVAL: frozenset({JobState.APPROVED, JobState.REJECTED}),
    JobState.APPROVED: frozenset({JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED}),
    JobState.REJECTED: frozenset(),
    JobState.SUCCEEDED: frozenset(),
    JobState.FAILED: frozenset(),
}
# STARTER: # TODO(day54): the allowed moves of the diagram above, one entry per state.
# STARTER: TRANSITIONS: dict[JobState, frozenset[JobState]] = {}
# END SOLUTION


class IllegalTransition(Exception):
    """A move the state machine does not allow, or a job that is no longer in the state the
    caller saw (someone else moved it first)."""

    def __init__(self, job_id: str, current: str, wanted: str) -> None:
        super().__init__(f"job {job_id} is {current}; it cannot become {wanted}")
        self.job_id = job_id
        self.current = current
        self.wanted = wanted


def can_transition(current: JobState, wanted: JobState) -> bool:
    """True when the state machine allows `current → wanted`."""
    # BEGIN SOLUTION
    return wanted in TRANSITIONS.get(current, frozenset())
    # STARTER: raise NotImplementedError("TODO(day54): look the move up in TRANSITIONS")
    # END SOLUTION
