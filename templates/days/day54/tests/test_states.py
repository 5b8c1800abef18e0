"""The job's state machine, and the store refusing moves it does not allow."""

from __future__ import annotations

import pytest

from knowledgecloud.agent.states import IllegalTransition, JobState, can_transition
from knowledgecloud.agent.store import Job, JobStore

S = JobState

LEGAL = [
    (S.QUEUED, S.RUNNING),
    (S.RUNNING, S.AWAITING_APPROVAL),
    (S.RUNNING, S.SUCCEEDED),
    (S.RUNNING, S.FAILED),
    (S.AWAITING_APPROVAL, S.APPROVED),
    (S.AWAITING_APPROVAL, S.REJECTED),
    (S.APPROVED, S.RUNNING),
    (S.APPROVED, S.FAILED),
]

ILLEGAL = [
    (S.QUEUED, S.AWAITING_APPROVAL),
    (S.QUEUED, S.APPROVED),
    (S.QUEUED, S.SUCCEEDED),
    (S.RUNNING, S.APPROVED),  # nobody approved anything
    (S.RUNNING, S.QUEUED),
    (S.AWAITING_APPROVAL, S.RUNNING),  # skips the decision
    (S.AWAITING_APPROVAL, S.SUCCEEDED),
    (S.REJECTED, S.APPROVED),  # a rejection is final
    (S.REJECTED, S.RUNNING),
    (S.SUCCEEDED, S.RUNNING),
    (S.FAILED, S.QUEUED),
    (S.APPROVED, S.AWAITING_APPROVAL),
]


@pytest.mark.parametrize(("current", "wanted"), LEGAL)
def test_the_documented_moves_are_allowed(current, wanted):
    assert can_transition(current, wanted)


@pytest.mark.parametrize(("current", "wanted"), ILLEGAL)
def test_illegal_moves_are_refused(current, wanted):
    assert not can_transition(current, wanted)


def test_final_states_have_no_way_out():
    for final in (S.SUCCEEDED, S.FAILED, S.REJECTED):
        assert not any(can_transition(final, other) for other in S)


def _job(store: JobStore, state: JobState) -> str:
    store.create(Job("job-1", "acme", "alice", "bob", "goal", state, None, None, "t0", "t0"))
    return "job-1"


def test_store_refuses_an_illegal_move_and_keeps_the_state(tmp_path):
    store = JobStore(tmp_path / "agent.db")
    job_id = _job(store, S.QUEUED)
    with pytest.raises(IllegalTransition):
        store.transition(job_id, S.QUEUED, S.SUCCEEDED, "t1")
    assert store.get(job_id).state == S.QUEUED
    store.close()


def test_transition_is_compare_and_set(tmp_path):
    # Two processes both saw the job awaiting approval; only the first move may win.
    first = JobStore(tmp_path / "agent.db")
    second = JobStore(tmp_path / "agent.db")
    job_id = _job(first, S.AWAITING_APPROVAL)
    first.transition(job_id, S.AWAITING_APPROVAL, S.REJECTED, "t1")
    with pytest.raises(IllegalTransition):
        second.transition(job_id, S.AWAITING_APPROVAL, S.APPROVED, "t2")
    assert first.get(job_id).state == S.REJECTED
    first.close()
    second.close()
