"""Which backups to keep: the newest of each of the last few days, weeks and months.

The policy works like ``restic forget --keep-daily/--keep-weekly/--keep-monthly``:

- **daily = n**: for the last n *days that have a backup*, keep the newest backup of that day;
- **weekly = n**: the same per ISO week (Monday to Sunday);
- **monthly = n**: the same per calendar month.

The three rules are applied independently and their results joined: one backup may count for a
day, a week and a month at once. Counting days *with backups* (not calendar days) means a week of
failed backups does not silently shorten the history you keep. All times are UTC.

The newest backup is always kept: it is the one you will restore.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from shop.backup import backup_time


@dataclass(frozen=True)
class Policy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 6


def backups_to_keep(times: Iterable[datetime], policy: Policy) -> set[datetime]:
    """The subset of ``times`` (backup times, UTC) that the policy keeps."""
    # BEGIN SOLUTION
    newest_first = sorted(set(times), reverse=True)
    if not newest_first:
        return set()
    keep = {newest_first[0]}
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    for count, bucket in rules:
        seen: set[Hashable] = set()
        for time in newest_first:
            if len(seen) >= count:
                break
            key = bucket(time)
            if key not in seen:
                seen.add(key)
                keep.add(time)  # the first one met in a bucket is its newest
    return keep
    # STARTER: raise NotImplementedError("TODO(day30): newest per day, ISO week and month")
    # END SOLUTION


def prune(directory: Path, policy: Policy) -> list[Path]:
    """Delete the backups in ``directory`` the policy does not keep; return what was deleted.

    Only files named like our backups are considered: anything else is left alone.
    """
    backups = {path: when for path in directory.iterdir() if (when := backup_time(path))}
    keep = backups_to_keep(backups.values(), policy)
    deleted = []
    for path, when in sorted(backups.items(), key=lambda item: item[1]):
        if when not in keep:
            path.unlink()
            deleted.append(path)
    return deleted
