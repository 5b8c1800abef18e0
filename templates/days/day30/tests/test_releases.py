"""Expand/contract: each release works on the schema of its neighbours during a rolling deploy."""

import pytest
from sqlalchemy import exc, text

from shop.releases import V1, V2, V3
from tests.conftest import run_migration


def call(release, method, conn, *args):
    """Run one release's code; a database error means that release is broken on this schema."""
    try:
        return getattr(release, method)(conn, *args)
    except exc.DBAPIError as error:
        pytest.fail(f"{release.__name__}.{method} failed on this schema: {error.orig}")


def test_the_expand_backfills_the_existing_users(engine):
    run_migration(engine, "upgrade", "0001")
    with engine.begin() as conn:
        for n in range(3):
            V1.create_user(conn, f"User {n}", f"user{n}@example.com")

    run_migration(engine, "upgrade", "0002")

    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, display_name FROM users ORDER BY id")).all()
    assert [display for _, display in rows] == [name for name, _ in rows]


def test_the_old_release_keeps_working_on_the_expanded_schema(engine):
    # A rolling deploy: the migration ran, but some instances still run V1.
    run_migration(engine, "upgrade", "0002")

    with engine.begin() as conn:
        user_id = call(V1, "create_user", conn, "Ada", "ada@example.com")
        call(V1, "rename_user", conn, user_id, "Ada Lovelace")
        user = call(V1, "get_user", conn, user_id)

    assert user == {"id": user_id, "name": "Ada Lovelace", "email": "ada@example.com"}


def test_the_new_release_reads_users_the_old_one_wrote_after_the_expand(engine):
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        user_id = call(V1, "create_user", conn, "Ada", "ada@example.com")

        user = call(V2, "get_user", conn, user_id)

    assert user is not None and user["name"] == "Ada"


def test_a_rollback_to_the_old_release_sees_what_the_new_one_wrote(engine):
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        user_id = call(V2, "create_user", conn, "Grace", "grace@example.com")
        call(V2, "rename_user", conn, user_id, "Grace Hopper")

        # V2 is rolled back: V1 instances serve the same rows again.
        user = call(V1, "get_user", conn, user_id)

    assert user == {"id": user_id, "name": "Grace Hopper", "email": "grace@example.com"}
    with engine.connect() as conn:
        assert call(V2, "get_user", conn, user_id)["name"] == "Grace Hopper"


def test_the_next_release_already_runs_on_the_expanded_schema(engine):
    # V3 replaces V2 before the contract: it must work while users.name still exists.
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        user_id = call(V3, "create_user", conn, "Ada", "ada@example.com")
        call(V3, "rename_user", conn, user_id, "Ada Lovelace")
        user = call(V3, "get_user", conn, user_id)

        # A V2 instance still running next to it reads the same user.
        assert call(V2, "get_user", conn, user_id)["name"] == "Ada Lovelace"

    assert user == {"id": user_id, "name": "Ada Lovelace", "email": "ada@example.com"}


def test_the_contract_fills_in_rows_the_old_release_wrote_during_the_rollout(engine):
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        late = call(V1, "create_user", conn, "Linus", "linus@example.com")

    run_migration(engine, "upgrade", "0003")

    with engine.connect() as conn:
        assert call(V3, "get_user", conn, late)["name"] == "Linus"


def test_the_new_release_runs_on_the_contracted_schema(engine):
    run_migration(engine, "upgrade", "0002")
    with engine.begin() as conn:
        early = call(V2, "create_user", conn, "Ada", "ada@example.com")
    run_migration(engine, "upgrade", "head")

    with engine.begin() as conn:
        later = call(V3, "create_user", conn, "Grace", "grace@example.com")
        call(V3, "rename_user", conn, early, "Ada Lovelace")
        names = [call(V3, "get_user", conn, u)["name"] for u in (early, later)]

    assert names == ["Ada Lovelace", "Grace"]
