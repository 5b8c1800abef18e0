"""Expand: add users.display_name next to users.name, backfill it, and let name be empty.

Three releases run on this schema, in turn: ``V1`` until its instances are replaced, ``V2``
(writes both columns, reads ``display_name`` with a fallback to ``name``), then ``V3``, which no
longer writes ``name``: so ``name`` becomes nullable here. It stays otherwise unchanged, so
``V1`` keeps working during the rollout and after a rollback to it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-03-09 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A lightweight description of the table for data statements: never import the app's models in
# a migration, they describe the schema of today, not of this revision.
users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("display_name", sa.String),
)


def upgrade() -> None:
    # BEGIN SOLUTION
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("display_name", sa.String(100), nullable=True))
        batch.alter_column("name", existing_type=sa.String(100), nullable=True)
    op.execute(
        users.update().where(users.c.display_name.is_(None)).values(display_name=users.c.name)
    )
    # STARTER: raise NotImplementedError("TODO(day30): add display_name, backfill, relax name")
    # END SOLUTION


def downgrade() -> None:
    # BEGIN SOLUTION
    # name is the column the previous release reads: make sure it holds the latest value.
    op.execute(
        users.update().where(users.c.display_name.is_not(None)).values(name=users.c.display_name)
    )
    with op.batch_alter_table("users") as batch:
        batch.alter_column("name", existing_type=sa.String(100), nullable=False)
        batch.drop_column("display_name")
    # STARTER: raise NotImplementedError("TODO(day30): undo the expand without losing a name")
    # END SOLUTION
