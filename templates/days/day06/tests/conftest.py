import os

import pytest
from sqlalchemy import inspect

from app.db import create_schema, drop_tables, make_engine


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def engine(tmp_path):
    """A brand-new SQLite database built from sql/schema.sql."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def tables(engine) -> set[str]:
    """The names of the tables that sql/schema.sql created."""
    return set(inspect(engine).get_table_names())


@pytest.fixture
def postgres_engine():
    """The Postgres from compose.yaml (DATABASE_URL), with a fresh schema; tables dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    assert url.startswith("postgres"), "set DATABASE_URL to the compose Postgres (.env.example)"
    engine = make_engine(url)
    create_schema(engine)
    yield engine
    drop_tables(engine)
    engine.dispose()
