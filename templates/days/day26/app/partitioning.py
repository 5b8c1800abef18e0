"""Postgres range partitioning of orders by month: the DDL, generated.

Partitions are made by code, not by hand: next year needs twelve more, and a typo in one bound
loses rows silently. `partitioning_ddl()` is what the live tests run on the compose Postgres;
tests/test_partitioning.py parses it offline with sqlglot and checks the bounds.
"""

from __future__ import annotations

from datetime import date

PARENT = "orders_by_month"


def parent_table_ddl() -> str:
    """CREATE TABLE for the partitioned parent: the columns of `orders`, partitioned by month."""
    # BEGIN SOLUTION
    # Postgres enforces a primary key per partition, so it must contain the partition key:
    # PRIMARY KEY (id) alone is rejected.
    return (
        f"CREATE TABLE {PARENT} ("
        " id INTEGER NOT NULL,"
        " user_id INTEGER NOT NULL,"
        " status TEXT NOT NULL,"
        " total_cents INTEGER NOT NULL,"
        " created_at TIMESTAMP NOT NULL,"
        " PRIMARY KEY (id, created_at)"
        ") PARTITION BY RANGE (created_at)"
    )
    # STARTER: raise NotImplementedError("TODO(day26): the partitioned parent table")
    # END SOLUTION


def month_start(first: date, offset: int) -> date:
    """The first day of the month `offset` months after `first`'s month."""
    # BEGIN SOLUTION
    months = first.year * 12 + (first.month - 1) + offset
    return date(months // 12, months % 12 + 1, 1)
    # STARTER: raise NotImplementedError("TODO(day26): month arithmetic (December + 1 is January)")
    # END SOLUTION


def month_partitions_ddl(first: date, months: int) -> list[str]:
    """One partition per month from `first`'s month on, then a DEFAULT partition.

    Bounds are [FROM, TO): a row at exactly midnight on the 1st belongs to the new month.
    Names: orders_by_month_2025_01, ..., orders_by_month_default.
    """
    # BEGIN SOLUTION
    statements = []
    for offset in range(months):
        start, end = month_start(first, offset), month_start(first, offset + 1)
        statements.append(
            f"CREATE TABLE {PARENT}_{start:%Y_%m} PARTITION OF {PARENT}"
            f" FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
        )
    statements.append(f"CREATE TABLE {PARENT}_default PARTITION OF {PARENT} DEFAULT")
    return statements
    # STARTER: raise NotImplementedError("TODO(day26): one partition per month, then a default")
    # END SOLUTION


def partitioning_ddl(year: int = 2025) -> list[str]:
    """Everything to run, in order: the parent, its partitions, the index every partition gets."""
    return [
        parent_table_ddl(),
        *month_partitions_ddl(date(year, 1, 1), 12),
        f"CREATE INDEX {PARENT}_user_created ON {PARENT} (user_id, created_at)",
    ]
