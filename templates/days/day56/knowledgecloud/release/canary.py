"""Promote, pause or abort a canary from its analysis measurements.

Argo Rollouts runs the AnalysisTemplate's Prometheus query every interval while the canary takes
traffic; each result becomes a measurement whose phase is Successful, Failed, Inconclusive or
Error. This module makes the same decision in code, so the policy can be tested and reused by a
deploy script that drives a rollout without Argo.
"""

from __future__ import annotations

import math
from enum import StrEnum

# The same numbers as k8s/search-analysis.yaml (a test keeps them equal).
SUCCESS_AT = 0.95  # success rate at or above: Successful
FAIL_BELOW = 0.90  # success rate below: Failed; in between: Inconclusive


class Phase(StrEnum):
    SUCCESSFUL = "Successful"
    FAILED = "Failed"
    INCONCLUSIVE = "Inconclusive"
    ERROR = "Error"  # the query itself failed or returned no data


class Verdict(StrEnum):
    PROMOTE = "promote"  # enough good measurements: shift all traffic to the canary
    CONTINUE = "continue"  # nothing wrong so far, but not enough measurements yet
    PAUSE = "pause"  # the data cannot decide: stop where we are and ask a person
    ABORT = "abort"  # the canary is worse: send all traffic back to stable


def phase_of(success_rate: float | None) -> Phase:
    """The phase of one measurement of the success rate (a number in [0, 1], or None/NaN
    when Prometheus returned no data)."""
    # BEGIN SOLUTION
    if success_rate is None or math.isnan(success_rate):
        return Phase.ERROR
    if success_rate >= SUCCESS_AT:
        return Phase.SUCCESSFUL
    if success_rate < FAIL_BELOW:
        return Phase.FAILED
    return Phase.INCONCLUSIVE
    # STARTER: raise NotImplementedError("TODO(day56): classify one measurement")
    # END SOLUTION


def decide(
    phases: list[Phase],
    *,
    count: int,
    failure_limit: int = 0,
    inconclusive_limit: int = 0,
    consecutive_error_limit: int = 2,
) -> Verdict:
    """The verdict after the measurements so far, in the order they were taken.

    - more Failed measurements than `failure_limit`: ABORT, at once, whatever else happened;
    - more consecutive Errors than `consecutive_error_limit`: ABORT (we are flying blind);
    - more Inconclusive than `inconclusive_limit`: PAUSE (a person decides);
    - fewer than `count` measurements: CONTINUE;
    - otherwise PROMOTE.
    """
    # BEGIN SOLUTION
    failed = sum(1 for p in phases if p is Phase.FAILED)
    if failed > failure_limit:
        return Verdict.ABORT
    run = longest = 0
    for p in phases:
        run = run + 1 if p is Phase.ERROR else 0
        longest = max(longest, run)
    if longest > consecutive_error_limit:
        return Verdict.ABORT
    if sum(1 for p in phases if p is Phase.INCONCLUSIVE) > inconclusive_limit:
        return Verdict.PAUSE
    if len(phases) < count:
        return Verdict.CONTINUE
    return Verdict.PROMOTE
    # STARTER: raise NotImplementedError("TODO(day56): promote, continue, pause or abort")
    # END SOLUTION
