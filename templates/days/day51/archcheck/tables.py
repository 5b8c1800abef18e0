"""Table rules: one owner per table, DDL creates exactly the owner's tables, all tenant-scoped."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from archcheck.model import Architecture
from archcheck.problems import Problem


def tables_in_ddl(sql: str) -> dict[str, list[str]]:
    """Run the DDL on an empty in-memory SQLite database and return table -> column names.

    Executing the DDL, rather than searching it for `CREATE TABLE`, reads every spelling
    (`IF NOT EXISTS`, quoted names, comments) the way a database does, and rejects broken SQL.
    Raises sqlite3.Error when the DDL does not run."""
    # BEGIN SOLUTION
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(sql)
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            name: [col[1] for col in db.execute(f'PRAGMA table_info("{name}")')] for name in names
        }
    finally:
        db.close()
    # STARTER: raise NotImplementedError("TODO(day51): execute the DDL in SQLite, list its tables")
    # END SOLUTION


def check_tables(arch: Architecture, root: Path) -> list[Problem]:
    """No table is owned by two services; ddl/<service>.sql creates exactly the tables that
    service owns (and no other service's); every table has a tenant_id column."""
    # BEGIN SOLUTION
    problems: list[Problem] = []
    owners: dict[str, list[str]] = defaultdict(list)
    for service in arch.services:
        for table in service.owns:
            owners[table].append(service.name)
    for table, names in sorted(owners.items()):
        if len(names) > 1:
            problems.append(
                Problem(
                    "tables.shared",
                    f"table {table} is owned by {' and '.join(names)}: a table has one owner; "
                    "the others go through its API or its events",
                )
            )

    ddl_dir = root / "ddl"
    for path in sorted(ddl_dir.glob("*.sql")):
        service = arch.service(path.stem)
        if service is None:
            problems.append(
                Problem("tables.unknown-service", f"ddl/{path.name} belongs to no service")
            )
            continue
        try:
            tables = tables_in_ddl(path.read_text(encoding="utf-8"))
        except sqlite3.Error as err:
            problems.append(Problem("tables.ddl-error", f"ddl/{path.name} does not run: {err}"))
            continue
        for table, columns in tables.items():
            if table not in service.owns:
                owner = ", ".join(owners.get(table, [])) or "no service"
                problems.append(
                    Problem(
                        "tables.outside-owner",
                        f"ddl/{path.name} creates {table}, which {service.name} does not own "
                        f"(owner: {owner})",
                    )
                )
            if "tenant_id" not in columns:
                problems.append(
                    Problem(
                        "tables.tenant-id",
                        f"table {table} in ddl/{path.name} has no tenant_id column",
                    )
                )
        for table in service.owns:
            if table not in tables:
                problems.append(
                    Problem(
                        "tables.missing",
                        f"{service.name} owns {table} but ddl/{path.name} does not create it",
                    )
                )
    for service in arch.services:
        if service.owns and not (ddl_dir / f"{service.name}.sql").exists():
            problems.append(
                Problem(
                    "tables.missing",
                    f"{service.name} owns {', '.join(service.owns)} but ddl/{service.name}.sql "
                    "does not exist",
                )
            )
    return problems
    # STARTER: raise NotImplementedError("TODO(day51): check table ownership against ddl/")
    # END SOLUTION
