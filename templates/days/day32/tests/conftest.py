import sqlite3

import pytest
from fastapi.testclient import TestClient

from app.db import Database
from app.main import create_app
from app.seed import seed


class SpyDatabase(Database):
    """The real database, recording every (sql, params) sent through execute(); it can also be
    told to fail on statements containing some text, as a broken disk or a bad migration would."""

    def __init__(self) -> None:
        super().__init__()
        self.statements: list[tuple[str, tuple]] = []
        self.fail_on: str | None = None

    def execute(self, sql, params=()):
        self.statements.append((sql, tuple(params) if not isinstance(params, dict) else params))
        if self.fail_on is not None and self.fail_on in sql:
            raise sqlite3.OperationalError(
                f"database disk image is malformed while running: {sql} {params!r}"
            )
        return super().execute(sql, params)


@pytest.fixture
def db():
    return seed(SpyDatabase())


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as test_client:
        yield test_client
