"""Reading SQLite plan lines with regular expressions (given).

The wording of EXPLAIN QUERY PLAN changes between SQLite versions ("SCAN TABLE orders" before
3.36, "SCAN orders" after; "SEARCH o" when the query uses an alias), so match patterns, not
whole strings.
"""

from __future__ import annotations

import re

TEMP_SORT = re.compile(r"USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY")


def full_scans(plan: list[str], table: str) -> list[str]:
    """Lines that read every row of `table` (or of one of its indexes, which is as many rows)."""
    pattern = re.compile(rf"^SCAN (TABLE )?{re.escape(table)}\b")
    return [line for line in plan if pattern.search(line)]


def sorts_after_reading(plan: list[str]) -> bool:
    return any(TEMP_SORT.search(line) for line in plan)


def covering_search(plan: list[str], table: str) -> tuple[str, str] | None:
    """(index name, constraint text) when `table` is searched through a covering index.

    "SEARCH orders USING COVERING INDEX idx (user_id=? AND status=?)" gives
    ("idx", "user_id=? AND status=?"). Automatic indexes, built by SQLite for one query and
    thrown away, do not count.
    """
    pattern = re.compile(
        rf"^SEARCH (TABLE )?{re.escape(table)}\b.* USING COVERING INDEX (?P<index>\w+) "
        r"\((?P<constraint>[^)]*)\)"
    )
    for line in plan:
        match = pattern.search(line)
        if match:
            return match.group("index"), match.group("constraint")
    return None
