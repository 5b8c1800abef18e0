"""Time as an injected function, so tests move a fake clock instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
"""Seconds since the epoch, like time.time()."""


def system_clock() -> float:
    return time.time()
