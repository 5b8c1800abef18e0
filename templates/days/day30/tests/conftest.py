import os

import pytest
from sqlalchemy import inspect

from shop.db import make_engine, migrate


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "shop.db"


@pytest.fixture
def engine(db_path):
    """An empty SQLite database in WAL mode; no revision applied yet."""
    engine = make_engine(f"sqlite:///{db_path}")
    yield engine
    engine.dispose()


def run_migration(engine, direction: str, revision: str) -> None:
    """Migrate, turning a failed migration into a test failure that says which step broke."""
    try:
        migrate(engine, direction, revision)
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - any error here is the finding
        pytest.fail(f"alembic {direction} {revision} failed: {type(error).__name__}: {error}")


def schema(engine) -> dict:
    """Tables, columns (type, nullability), keys, indexes and unique constraints, by name."""
    inspector = inspect(engine)
    shape = {}
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        shape[table] = {
            "columns": {
                c["name"]: (str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            },
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (tuple(fk["constrained_columns"]), fk["referred_table"])
                for fk in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                for ix in inspector.get_indexes(table)
            ),
            "unique": sorted(
                tuple(uq["column_names"]) for uq in inspector.get_unique_constraints(table)
            ),
        }
    return shape
