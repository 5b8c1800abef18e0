"""The date tool reads the clock it is given, on every call, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shop.dates import MAX_DAYS, DateTool
from shop.tools import ToolError


def test_today_comes_from_the_injected_clock(clock):
    assert DateTool(clock)({}) == "2026-02-27 (Friday)"
    assert DateTool(clock)({"days_from_today": 0}) == "2026-02-27 (Friday)"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "2026-02-28 (Saturday)"),
        (2, "2026-03-01 (Sunday)"),
        (5, "2026-03-04 (Wednesday)"),
        (-1, "2026-02-26 (Thursday)"),
        (365, "2027-02-27 (Saturday)"),
    ],
)
def test_days_from_today_cross_months_and_years(clock, days, expected):
    assert DateTool(clock)({"days_from_today": days}) == expected


def test_the_clock_is_read_on_every_call_not_once():
    now = [datetime(2026, 12, 31, 23, 0, tzinfo=UTC)]
    tool = DateTool(lambda: now[0])
    assert tool({}) == "2026-12-31 (Thursday)"
    now[0] += timedelta(hours=2)
    assert tool({}) == "2027-01-01 (Friday)"


@pytest.mark.parametrize("days", ["5", 2.5, True, None, [1]])
def test_days_must_be_a_whole_number(clock, days):
    with pytest.raises(ToolError, match="whole number"):
        DateTool(clock)({"days_from_today": days})


def test_days_are_bounded(clock):
    assert DateTool(clock)({"days_from_today": -MAX_DAYS}).startswith("2016-")
    with pytest.raises(ToolError):
        DateTool(clock)({"days_from_today": MAX_DAYS + 1})
