"""Contract: users.display_name becomes required and users.name goes.

Deploy this only when every instance runs ``V3``, which no longer touches ``name``: neither
``V1`` nor ``V2`` could work without it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-03-16 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("display_name", sa.String),
)


def upgrade() -> None:
    # BEGIN SOLUTION
    # Old instances kept inserting rows with only `name` until the rollout finished.
    op.execute(
        users.update().where(users.c.display_name.is_(None)).values(display_name=users.c.name)
    )
    with op.batch_alter_table("users") as batch:
        batch.alter_column("display_name", existing_type=sa.String(100), nullable=False)
        batch.drop_column("name")
    # STARTER: raise NotImplementedError("TODO(day30): make display_name required, drop name")
    # END SOLUTION


def downgrade() -> None:
    # BEGIN SOLUTION
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("name", sa.String(100), nullable=True))
        batch.alter_column("display_name", existing_type=sa.String(100), nullable=True)
    op.execute(users.update().values(name=users.c.display_name))
    # STARTER: raise NotImplementedError("TODO(day30): bring name back, filled from display_name")
    # END SOLUTION
