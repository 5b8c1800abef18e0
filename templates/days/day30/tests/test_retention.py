"""Retention keeps the newest backup of each recent day, week and month, and nothing else."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from shop.backup import create_backup
from shop.fingerprint import fingerprint, fingerprint_file
from shop.models import Base
from shop.releases import V3
from shop.retention import Policy, backups_to_keep, prune

POLICY = Policy(daily=7, weekly=4, monthly=6)


def at(month, day, hour=2):
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def nightly(first, last):
    times, day = [], first
    while day <= last:
        times.append(day)
        day += timedelta(days=1)
    return times


def test_half_a_year_of_nightly_backups():
    times = [*nightly(at(1, 1), at(6, 30)), at(6, 30, hour=14)]

    keep = backups_to_keep(times, POLICY)

    # Worked out by hand: 2026-06-30 is a Tuesday.
    expected = {
        at(6, 30, hour=14),  # newest of all, of its day, of ISO week 27 and of June
        *(at(6, day) for day in range(24, 30)),  # the other six of the last seven days
        at(6, 21),  # newest of week 25 (week 26's newest, June 28, is already a daily)
        at(6, 14),  # newest of week 24
        at(5, 31),
        at(4, 30),
        at(3, 31),
        at(2, 28),
        at(1, 31),  # newest of the five months before June
    }
    assert keep == expected, (
        f"missing {sorted(expected - keep)}, should be deleted {sorted(keep - expected)}"
    )


def test_the_newest_backup_is_always_kept():
    times = [at(3, 2), at(3, 2, hour=14), at(3, 1)]

    for policy in (POLICY, Policy(daily=1, weekly=0, monthly=0), Policy(0, 0, 0)):
        assert at(3, 2, hour=14) in backups_to_keep(times, policy), policy


def test_days_without_a_backup_do_not_count():
    every_other_day = [at(3, day) for day in range(1, 32, 2)]

    keep = backups_to_keep(every_other_day, Policy(daily=7, weekly=0, monthly=0))

    assert keep == {at(3, day) for day in (19, 21, 23, 25, 27, 29, 31)}


def test_fewer_backups_than_the_policy_are_all_kept():
    times = [at(3, 1), at(3, 8), at(3, 15)]

    assert backups_to_keep(times, POLICY) == set(times)


def test_a_month_of_nightly_backup_and_prune(engine, db_path, tmp_path):
    Base.metadata.create_all(engine)
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "notes.txt").write_text("not a backup: prune must leave it alone")
    now = at(1, 20)  # the fake clock
    for night in range(30):
        with engine.begin() as conn:
            V3.create_user(conn, f"User {night}", f"user{night}@example.com")
        create_backup(db_path, backups, now)
        prune(backups, POLICY)
        now += timedelta(days=1)

    # The last night was Wednesday 2026-02-18: seven nights, the Sundays ending the two ISO weeks
    # before (February 8 and 1), and the last night of January.
    kept = sorted(path.name for path in backups.iterdir())
    expected_days = [(1, 31), (2, 1), (2, 8), *((2, d) for d in range(12, 19))]
    assert kept == sorted(
        ["notes.txt", *(f"shop-2026{m:02d}{d:02d}T020000Z.db" for m, d in expected_days)]
    )
    newest = backups / "shop-20260218T020000Z.db"
    assert fingerprint_file(newest) == fingerprint(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM users")).scalar_one() == 30
