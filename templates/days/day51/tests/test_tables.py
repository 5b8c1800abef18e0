"""Table ownership rules, each proven on a copy broken in exactly one way."""

from __future__ import annotations

from archcheck.checker import check
from archcheck.tables import tables_in_ddl
from tests.conftest import with_rule

CHUNKS = """
CREATE TABLE IF NOT EXISTS chunks (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
"""


def test_a_table_owned_by_two_services_is_reported(copy):
    # search "shares" the index: it claims chunks and creates it, as indexing does
    data = copy.arch()
    copy.service(data, "search")["owns"].append("chunks")
    copy.save_arch(data)
    copy.write("ddl/search.sql", CHUNKS)
    messages = with_rule(check(copy.root), "tables.shared")
    assert len(messages) == 1, messages
    assert "chunks" in messages[0] and "indexing" in messages[0] and "search" in messages[0]


def test_ddl_creating_another_services_table_is_reported(copy):
    path = copy.root / "ddl" / "documents.sql"
    path.write_text(path.read_text(encoding="utf-8") + CHUNKS, encoding="utf-8")
    messages = with_rule(check(copy.root), "tables.outside-owner")
    assert len(messages) == 1, messages
    assert "chunks" in messages[0] and "documents.sql" in messages[0]
    assert "indexing" in messages[0], "the message names the real owner"


def test_owned_table_missing_from_the_ddl_is_reported(copy):
    data = copy.arch()
    copy.service(data, "auth")["owns"].append("api_keys")
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "tables.missing")
    assert len(messages) == 1 and "api_keys" in messages[0], messages


def test_table_without_tenant_id_is_reported(copy):
    copy.edit(
        "ddl/auth.sql",
        "CREATE TABLE IF NOT EXISTS sessions (\n    tenant_id TEXT NOT NULL,\n",
        "CREATE TABLE IF NOT EXISTS sessions (\n",
    )
    copy.edit(
        "ddl/auth.sql",
        "PRIMARY KEY (tenant_id, id),\n"
        "    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)",
        "PRIMARY KEY (id)",
    )
    messages = with_rule(check(copy.root), "tables.tenant-id")
    assert len(messages) == 1 and "sessions" in messages[0], messages


def test_ddl_is_read_by_running_it_not_by_pattern():
    sql = (
        "-- CREATE TABLE ghosts (id TEXT);\n"
        'CREATE TABLE IF NOT EXISTS "audit log" (tenant_id TEXT, id TEXT);\n'
        "create table\n  orders (tenant_id TEXT);\n"
    )
    assert tables_in_ddl(sql) == {"audit log": ["tenant_id", "id"], "orders": ["tenant_id"]}
