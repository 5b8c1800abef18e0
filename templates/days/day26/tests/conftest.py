import os
import sqlite3

import pytest

from app import db, seed


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the compose Postgres; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Shop:
    """The seed data, in a database without your migration and (on first use) in one with it."""

    def __init__(self) -> None:
        self.data = seed.rows()
        self.before = self._fresh()
        self._after: sqlite3.Connection | None = None

    def _fresh(self) -> sqlite3.Connection:
        conn = db.connect(":memory:")
        db.load(conn, self.data)
        return conn

    def after(self) -> sqlite3.Connection:
        """The database with sql/indexes.sql applied (built the first time it is asked for)."""
        if self._after is None:
            conn = self._fresh()
            db.migrate(conn)
            self._after = conn
        return self._after


@pytest.fixture(scope="session")
def shop():
    return Shop()
