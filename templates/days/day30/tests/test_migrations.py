"""The migrations build exactly the models' schema, and every revision can be undone."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from shop.db import alembic_config
from shop.models import Base
from shop.releases import V1, V3
from tests.conftest import run_migration, schema


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def differences(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), Base.metadata)


def test_upgrade_head_builds_exactly_the_models(engine):
    run_migration(engine, "upgrade", "head")

    assert differences(engine) == [], "the models and the migrations disagree"


def test_every_revision_downgrades_to_the_schema_it_came_from(engine):
    assert revisions_oldest_first() == ["0001", "0002", "0003"], "one line of revisions"
    shapes = {"base": schema(engine)}
    for revision in revisions_oldest_first():
        run_migration(engine, "upgrade", revision)
        shapes[revision] = schema(engine)

    below = ["base", *revisions_oldest_first()]
    for revision, previous in reversed(list(zip(below[1:], below[:-1], strict=True))):
        run_migration(engine, "downgrade", previous)
        assert schema(engine) == shapes[previous], (
            f"downgrading {revision} did not give back the schema of {previous}"
        )


def test_upgrade_downgrade_upgrade_round_trip(engine):
    run_migration(engine, "upgrade", "head")
    run_migration(engine, "downgrade", "base")
    run_migration(engine, "upgrade", "head")

    assert differences(engine) == []


def test_downgrading_from_head_keeps_every_name(engine):
    run_migration(engine, "upgrade", "head")
    with engine.begin() as conn:
        ada = V3.create_user(conn, "Ada Lovelace", "ada@example.com")
        grace = V3.create_user(conn, "Grace", "grace@example.com")
        V3.rename_user(conn, grace, "Grace Hopper")

    for revision in ("0002", "0001"):
        run_migration(engine, "downgrade", revision)

        # The release that ran on that revision reads users.name.
        with engine.connect() as conn:
            names = [V1.get_user(conn, user)["name"] for user in (ada, grace)]
        assert names == ["Ada Lovelace", "Grace Hopper"], f"after downgrading to {revision}"
