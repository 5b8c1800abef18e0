"""The shop's tables as the current release sees them: the schema at Alembic's ``head``.

``tests/test_migrations.py`` upgrades an empty database to ``head`` and asks Alembic's
autogenerate to compare it with this metadata: any difference is a migration you forgot.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: SQLite can only change a table by rebuilding it (Alembic's batch mode), and
# a rebuild can only keep or drop a constraint it can name.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    item: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(index=True)


class ArchivedOrder(Base):
    """Orders past the retention period of the live table: same columns, plus when they moved."""

    __tablename__ = "orders_archive"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    user_id: Mapped[int]
    item: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime]
