"""Three releases of the shop's user code, as they would run during a zero-downtime change.

Renaming ``users.name`` to ``users.display_name`` takes three releases and two migrations:

| release | runs with schema | writes | reads |
| --- | --- | --- | --- |
| ``V1`` (before) | 0001, and 0002 until replaced | ``name`` | ``name`` |
| ``V2`` (transition) | 0002 | ``name`` **and** ``display_name`` | ``display_name``, else ``name`` |
| ``V3`` (after) | 0002, then 0003 (contract) | ``display_name`` | ``display_name`` |

The order: migrate to 0002, roll out V2, roll out V3, migrate to 0003. During a rolling deploy
two neighbouring releases run side by side on one schema, and a release may be rolled back to the
one before: every release must work on the schemas it meets, next to its neighbours. The API
keeps calling the field ``name``; only the storage changes.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection


class V1:
    """The release before the change: knows only ``users.name``."""

    @staticmethod
    def create_user(conn: Connection, name: str, email: str) -> int:
        return conn.execute(
            text("INSERT INTO users (name, email) VALUES (:name, :email) RETURNING id"),
            {"name": name, "email": email},
        ).scalar_one()

    @staticmethod
    def get_user(conn: Connection, user_id: int) -> dict | None:
        row = conn.execute(
            text("SELECT id, name, email FROM users WHERE id = :id"), {"id": user_id}
        ).first()
        return dict(row._mapping) if row else None

    @staticmethod
    def rename_user(conn: Connection, user_id: int, name: str) -> None:
        conn.execute(
            text("UPDATE users SET name = :name WHERE id = :id"), {"name": name, "id": user_id}
        )


class V2:
    """The expand release: writes both columns, reads the new one with a fallback."""

    @staticmethod
    def create_user(conn: Connection, name: str, email: str) -> int:
        # BEGIN SOLUTION
        return conn.execute(
            text(
                "INSERT INTO users (name, display_name, email) "
                "VALUES (:name, :name, :email) RETURNING id"
            ),
            {"name": name, "email": email},
        ).scalar_one()
        # STARTER: raise NotImplementedError("TODO(day30): write name and display_name")
        # END SOLUTION

    @staticmethod
    def get_user(conn: Connection, user_id: int) -> dict | None:
        # BEGIN SOLUTION
        row = conn.execute(
            text(
                "SELECT id, COALESCE(display_name, name) AS name, email FROM users WHERE id = :id"
            ),
            {"id": user_id},
        ).first()
        return dict(row._mapping) if row else None
        # STARTER: raise NotImplementedError("TODO(day30): read display_name, else name")
        # END SOLUTION

    @staticmethod
    def rename_user(conn: Connection, user_id: int, name: str) -> None:
        # BEGIN SOLUTION
        conn.execute(
            text("UPDATE users SET name = :name, display_name = :name WHERE id = :id"),
            {"name": name, "id": user_id},
        )
        # STARTER: raise NotImplementedError("TODO(day30): update both columns")
        # END SOLUTION


class V3:
    """The release after the contract: knows only ``users.display_name``."""

    @staticmethod
    def create_user(conn: Connection, name: str, email: str) -> int:
        return conn.execute(
            text("INSERT INTO users (display_name, email) VALUES (:name, :email) RETURNING id"),
            {"name": name, "email": email},
        ).scalar_one()

    @staticmethod
    def get_user(conn: Connection, user_id: int) -> dict | None:
        row = conn.execute(
            text("SELECT id, display_name AS name, email FROM users WHERE id = :id"),
            {"id": user_id},
        ).first()
        return dict(row._mapping) if row else None

    @staticmethod
    def rename_user(conn: Connection, user_id: int, name: str) -> None:
        conn.execute(
            text("UPDATE users SET display_name = :name WHERE id = :id"),
            {"name": name, "id": user_id},
        )
