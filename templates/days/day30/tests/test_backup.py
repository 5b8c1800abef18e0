"""Backups of the running database are consistent; a restore brings back exactly their content."""

import shutil
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from shop.backup import backup, create_backup, restore
from shop.fingerprint import fingerprint, fingerprint_file
from shop.models import Base
from shop.releases import V3

USERS = 40


@pytest.fixture
def shop(engine):
    """The shop's tables with users and orders, its engine still open (as a running app's is)."""
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        for n in range(USERS):
            user_id = V3.create_user(conn, f"User {n}", f"user{n}@example.com")
            conn.execute(
                text(
                    "INSERT INTO orders (user_id, item, quantity, created_at) "
                    "VALUES (:u, 'keyboard', :q, '2026-03-01 10:00:00.000000')"
                ),
                {"u": user_id, "q": n % 3 + 1},
            )
    return engine


def test_a_backup_holds_the_same_rows_as_the_database(shop, db_path, tmp_path):
    expected = fingerprint(shop)

    backup(db_path, tmp_path / "backup.db")

    copy = fingerprint_file(tmp_path / "backup.db")
    assert copy.counts == expected.counts
    assert copy.sha256 == expected.sha256


def test_a_backup_includes_commits_still_in_the_write_ahead_log(shop, db_path, tmp_path):
    # The app's open connections keep SQLite from folding the WAL back into shop.db: recent
    # commits exist only in shop.db-wal. (Checked here, so the test means what it says.)
    main_file_only = tmp_path / "main-file-only.db"
    shutil.copyfile(db_path, main_file_only)
    assert fingerprint_file(main_file_only).counts.get("users") != USERS

    backup(db_path, tmp_path / "backup.db")

    assert fingerprint_file(tmp_path / "backup.db").counts.get("users") == USERS, (
        "the backup lost committed rows: was the file copied instead of backed up?"
    )


def test_a_backup_taken_during_a_write_holds_only_committed_data(shop, db_path, tmp_path):
    committed = fingerprint(shop)
    with shop.connect() as writer:
        writer.begin()
        writer.execute(text("DELETE FROM orders"))
        writer.execute(
            text("INSERT INTO users (display_name, email) VALUES ('Half', 'half@example.com')")
        )
        # The transaction is open: neither change is committed yet.
        backup(db_path, tmp_path / "backup.db")
        writer.commit()

    assert fingerprint_file(tmp_path / "backup.db") == committed
    assert fingerprint(shop) != committed, "the write committed after the backup"


def test_a_backup_never_overwrites_a_file(shop, db_path, tmp_path):
    existing = tmp_path / "backup.db"
    existing.write_text("an older backup, or something else entirely")

    with pytest.raises(FileExistsError):
        backup(db_path, existing)

    assert existing.read_text() == "an older backup, or something else entirely"


def test_restore_brings_the_running_database_back_to_the_backup(shop, db_path, tmp_path):
    expected = fingerprint(shop)
    backup(db_path, tmp_path / "backup.db")
    with shop.begin() as conn:  # an accident after the backup
        conn.execute(text("DELETE FROM orders"))
        conn.execute(text("UPDATE users SET display_name = 'oops'"))
    assert fingerprint(shop) != expected

    restore(tmp_path / "backup.db", db_path)

    # Seen through the app's own, still open, engine.
    assert fingerprint(shop) == expected
    with shop.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_create_backup_names_the_file_after_its_time(shop, db_path, tmp_path):
    when = datetime(2026, 3, 2, 2, 0, 0, tzinfo=UTC)

    path = create_backup(db_path, tmp_path / "backups", when)

    assert path == tmp_path / "backups" / "shop-20260302T020000Z.db"
    assert fingerprint_file(path) == fingerprint(shop)
