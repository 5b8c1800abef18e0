"""EXPLAIN ANALYZE and partition pruning on the compose Postgres (BEC_LIVE=1, DATABASE_URL)."""

import pytest

from app import postgres, queries, seed
from app.partitioning import PARENT, partitioning_ddl
from tests import expected

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def pg():
    data = seed.rows()
    with postgres.connect() as conn:
        postgres.reset(conn, data)
        yield conn, data


def node_types(plan: dict) -> list[str]:
    return [node["Node Type"] for node in postgres.nodes(plan)]


def test_explain_analyze_shows_an_index_only_scan_and_no_sort_after_the_migration(pg):
    conn, data = pg
    sql, params = queries.user_orders_query(7, "shipped")
    before = postgres.explain_analyze(conn, sql, params)
    assert "Seq Scan" in node_types(before) and "Sort" in node_types(before), node_types(before)

    postgres.migrate(conn)
    after = postgres.explain_analyze(conn, sql, params)
    scans = [node for node in postgres.nodes(after) if node.get("Relation Name") == "orders"]
    read_by = [node["Node Type"] for node in scans]
    assert read_by == ["Index Only Scan"], (
        f"orders is read by {read_by} (plan: {node_types(after)}): the index does not cover "
        "the query on Postgres; does it list every column the query reads?"
    )
    assert scans[0]["Heap Fetches"] == 0, "after VACUUM, a covering index never visits the table"
    assert "Sort" not in node_types(after), node_types(after)
    assert postgres.run(conn, sql, params) == expected.user_orders(data, 7, "shipped")


def test_partition_pruning_reads_only_the_month_asked_for(pg):
    conn, data = pg
    conn.execute(f"DROP TABLE IF EXISTS {PARENT} CASCADE")
    for statement in partitioning_ddl():
        conn.execute(statement)
    conn.execute(
        f"INSERT INTO {PARENT} (id, user_id, status, total_cents, created_at)"
        " SELECT id, user_id, status, total_cents, created_at FROM orders"
    )
    conn.execute(f"VACUUM ANALYZE {PARENT}")
    (outside,) = conn.execute(f"SELECT count(*) FROM {PARENT}_default").fetchone()
    assert outside == 0, "every 2025 order belongs to a month partition"

    sql = (
        "SELECT count(*), sum(total_cents) FROM {table}"
        " WHERE created_at >= :start AND created_at < :end"
    )
    params = {"start": "2025-03-01", "end": "2025-04-01"}
    plan = postgres.explain_analyze(conn, sql.format(table=PARENT), params)
    read = {node["Relation Name"] for node in postgres.nodes(plan) if "Relation Name" in node}
    assert read == {f"{PARENT}_2025_03"}, f"partitions read for March: {sorted(read)}"

    whole = postgres.run(conn, sql.format(table="orders"), params)
    assert postgres.run(conn, sql.format(table=PARENT), params) == whole
    march = [o for o in data.orders if o[4].startswith("2025-03")]
    assert whole == [(len(march), sum(o[3] for o in march))]
