import os

import pytest
from sqlalchemy import inspect

from app.db import build, drop_tables, make_engine


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def engine(tmp_path):
    """A new SQLite database: orders_flat with its rows, plus your (empty) normalized tables."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    build(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


@pytest.fixture
def postgres_engine():
    """The Postgres from compose.yaml (DATABASE_URL), rebuilt from scratch; tables dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    assert url.startswith("postgres"), "set DATABASE_URL to the compose Postgres (.env.example)"
    engine = make_engine(url)
    build(engine)
    yield engine
    drop_tables(engine)
    engine.dispose()
