"""The partitioning DDL, parsed with sqlglot as Postgres would read it (offline)."""

from datetime import date

import sqlglot
from sqlglot import exp

from app.partitioning import PARENT, month_partitions_ddl, parent_table_ddl, partitioning_ddl


def parse(sql: str) -> exp.Create:
    tree = sqlglot.parse_one(sql, read="postgres")
    assert isinstance(tree, exp.Create), f"not a CREATE statement: {sql}"
    return tree


def bounds(statements: list[str]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(name, from, to) of each range partition, and the names of DEFAULT partitions."""
    ranges, defaults = [], []
    for sql in statements:
        tree = parse(sql)
        of = tree.find(exp.PartitionedOfProperty)
        assert of is not None, f"not a partition: {sql}"
        assert of.this.name == PARENT, f"partition of {of.this.name}, expected {PARENT}: {sql}"
        name = tree.this.name
        if isinstance(of.expression, exp.PartitionBoundSpec):
            spec = of.expression
            (low,) = spec.args["from_expressions"]
            (high,) = spec.args["to_expressions"]
            ranges.append((name, low.name, high.name))
        elif of.expression.name.upper() == "DEFAULT":
            defaults.append(name)
    return ranges, defaults


def test_parent_is_range_partitioned_on_created_at_which_is_in_the_primary_key():
    tree = parse(parent_table_ddl())
    assert tree.this.this.name == PARENT
    partitioned = tree.find(exp.PartitionedByProperty)
    assert partitioned is not None, "the parent needs PARTITION BY RANGE (created_at)"
    assert partitioned.this.name.upper() == "RANGE", partitioned.sql("postgres")
    assert [c.name for c in partitioned.find_all(exp.Column)] == ["created_at"]
    key = tree.find(exp.PrimaryKey)
    assert key is not None, "give the parent a primary key"
    assert {e.name for e in key.expressions} == {"id", "created_at"}, (
        "Postgres requires the partition key in every unique constraint: "
        "PRIMARY KEY (id, created_at)"
    )
    columns = {c.name for c in tree.find_all(exp.ColumnDef)}
    assert columns == {"id", "user_id", "status", "total_cents", "created_at"}, columns


def test_month_partitions_tile_the_year_without_gaps_or_overlaps():
    ranges, defaults = bounds(month_partitions_ddl(date(2025, 1, 1), 12))
    assert len(ranges) == 12, f"expected 12 monthly partitions, got {len(ranges)}"
    assert defaults == [f"{PARENT}_default"], "add one DEFAULT partition for rows outside them"
    ranges.sort(key=lambda r: r[1])
    assert ranges[0][1] == "2025-01-01" and ranges[-1][2] == "2026-01-01", ranges
    for (name, _low, high), following in zip(ranges, ranges[1:], strict=False):
        assert high == following[1], (
            f"{name} ends at {high} but {following[0]} starts at {following[1]}: TO is exclusive,"
            " so each month must end where the next one starts"
        )
    for name, low, _high in ranges:
        start = date.fromisoformat(low)
        assert start.day == 1 and name == f"{PARENT}_{start:%Y_%m}", (name, low)
    assert len({name for name, _, _ in ranges}) == 12


def test_partitions_cross_a_year_end_and_start_in_any_month():
    ranges, _ = bounds(month_partitions_ddl(date(2025, 11, 1), 3))
    assert [(low, high) for _, low, high in sorted(ranges, key=lambda r: r[1])] == [
        ("2025-11-01", "2025-12-01"),
        ("2025-12-01", "2026-01-01"),
        ("2026-01-01", "2026-02-01"),
    ]
    assert len(partitioning_ddl()) == 1 + 12 + 1 + 1
