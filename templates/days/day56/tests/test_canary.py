"""Promote, continue, pause or abort, from the analysis measurements."""

from __future__ import annotations

import math

import pytest

from knowledgecloud.release.canary import Phase, Verdict, decide, phase_of

OK, BAD, HMM, ERR = Phase.SUCCESSFUL, Phase.FAILED, Phase.INCONCLUSIVE, Phase.ERROR


@pytest.mark.parametrize(
    ("rate", "phase"),
    [
        (1.0, OK),
        (0.95, OK),
        (0.949, HMM),
        (0.90, HMM),
        (0.899, BAD),
        (0.0, BAD),
        (None, ERR),
        (math.nan, ERR),
    ],
)
def test_each_measurement_gets_its_phase_at_the_thresholds(rate, phase):
    assert phase_of(rate) is phase


def test_all_good_measurements_promote():
    assert decide([OK] * 5, count=5) is Verdict.PROMOTE


def test_good_but_too_few_measurements_keep_measuring():
    assert decide([OK] * 3, count=5) is Verdict.CONTINUE
    assert decide([], count=5) is Verdict.CONTINUE


def test_a_failed_measurement_aborts_at_once():
    assert decide([OK, BAD], count=5) is Verdict.ABORT
    assert decide([BAD, OK, OK, OK, OK], count=5) is Verdict.ABORT


def test_failures_within_the_limit_do_not_abort():
    assert decide([OK, BAD, OK, OK, OK], count=5, failure_limit=1) is Verdict.PROMOTE
    assert decide([BAD, OK, BAD], count=5, failure_limit=1) is Verdict.ABORT


def test_an_inconclusive_measurement_pauses_instead_of_promoting():
    assert decide([OK, OK, HMM, OK, OK], count=5) is Verdict.PAUSE
    assert decide([OK, HMM], count=5, inconclusive_limit=1) is Verdict.CONTINUE


def test_a_failure_outweighs_an_inconclusive():
    assert decide([HMM, BAD], count=5) is Verdict.ABORT


def test_consecutive_errors_beyond_the_limit_abort():
    assert decide([OK, ERR, ERR], count=5) is Verdict.CONTINUE
    assert decide([OK, ERR, ERR, ERR], count=5) is Verdict.ABORT
    assert decide([ERR, ERR, OK, ERR, ERR, OK, OK], count=7) is Verdict.PROMOTE
