"""A date tool: today's date, or the date some days from today, read from an injected clock.

Models do not know what day it is (their training data stops somewhere in the past), and they
are poor at calendar arithmetic: "what date is 10 business days after Friday the 27th?" is a
question for code. The tool never reads the system clock itself: it is given a `clock`, a
function returning the current time as an aware datetime. Production passes one that reads the
real time; tests pass one that returns a fixed instant, so "today" is the same on every run and
on every machine, and a test can move time forward without waiting for it.

Dates are UTC dates here. A shop in one country would convert the instant to its own time zone
first (`clock().astimezone(ZoneInfo("Europe/Paris"))`): just after midnight UTC it is already
tomorrow in Tokyo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from shop.tools import Tool, ToolError

Clock = Callable[[], datetime]
# Spelled out, not strftime("%A"), which follows the machine's locale.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_DAYS = 3660  # about ten years either way: more is a mistake, not a delivery date


def system_clock() -> datetime:
    """The real time, for production. Tests never use it."""
    return datetime.now(UTC)


class DateTool:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def __call__(self, arguments: dict[str, Any]) -> str:
        """The date `days_from_today` days from the clock's today (default 0; negative for the
        past), as "YYYY-MM-DD (Weekday)", e.g. "2026-03-04 (Wednesday)".

        Raises ToolError when `days_from_today` is not a whole number (a bool is not one either)
        or its absolute value exceeds MAX_DAYS. Reads the clock on every call, never before.
        """
        # BEGIN SOLUTION
        days = arguments.get("days_from_today", 0)
        if isinstance(days, bool) or not isinstance(days, int):
            raise ToolError('"days_from_today" must be a whole number of days, such as 5 or -2')
        if abs(days) > MAX_DAYS:
            raise ToolError(f'"days_from_today" must be between -{MAX_DAYS} and {MAX_DAYS}')
        day = (self.clock() + timedelta(days=days)).date()
        return f"{day.isoformat()} ({WEEKDAYS[day.weekday()]})"
        # STARTER: raise NotImplementedError("TODO(day46): today from self.clock, plus the days")
        # END SOLUTION


def date_tool(clock: Clock) -> Tool:
    return Tool(
        name="date",
        description=(
            "Today's date, or the date a number of days from today (negative for the past). "
            "Answers YYYY-MM-DD (Weekday). Use it whenever a date matters."
        ),
        parameters={
            "type": "object",
            "properties": {
                "days_from_today": {
                    "type": "integer",
                    "description": "0 for today (the default), 5 for five days from now, -1 for "
                    "yesterday",
                }
            },
            "required": [],
            "additionalProperties": False,
        },
        run=DateTool(clock),
    )
