"""The schema is a contract: written down, and never broken for existing clients."""

from pathlib import Path

from graphql import build_schema, find_breaking_changes

from gateway.schema import schema

DAY = Path(__file__).resolve().parent.parent


def test_schema_graphql_is_the_printed_schema():
    committed = (DAY / "schema.graphql").read_text()
    assert committed == schema.as_str() + "\n", (
        "schema.graphql is out of date: python -m gateway.schema > schema.graphql"
    )


def test_no_breaking_change_against_release_1():
    release_1 = build_schema((DAY / "contracts" / "schema.v1.graphql").read_text())
    today = build_schema(schema.as_str())
    changes = find_breaking_changes(release_1, today)
    assert changes == [], "\n".join(change.description for change in changes)
