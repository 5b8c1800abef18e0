"""Where the code gets the time from.

Every component that needs "now" takes a clock instead of calling time.time() itself, so tests
can pass a fake clock and move it forward by hand: no test ever sleeps to wait for a window.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch, as a float."""
        ...


class SystemClock:
    """The real wall clock, used when the app runs for real."""

    def now(self) -> float:
        return time.time()
