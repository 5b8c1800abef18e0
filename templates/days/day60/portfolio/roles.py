"""Which course days show which job's skills. Course data: edit it to match your own path."""

from __future__ import annotations

ROLES: dict[str, tuple[int, ...]] = {
    "Backend Engineer": (3, 4, 6, 7, 10, 12, 21, 22, 23, 24, 26, 31, 32),
    "Platform Engineer": (16, 17, 18, 19, 20, 30, 33, 56),
    "Site Reliability Engineer": (29, 34, 36, 37, 38, 39, 40, 57),
    "AI Engineer": (9, 28, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 58),
    "Software Architect": (11, 13, 14, 15, 25, 27, 51, 52, 53, 54, 55, 59),
}
