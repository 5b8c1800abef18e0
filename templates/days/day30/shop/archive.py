"""Archiving: orders older than the live table's retention period move to ``orders_archive``.

The live table stays small (its indexes fit in memory, its queries stay fast), while old orders
remain available for accounting and support. Each batch moves rows with one INSERT ... SELECT
into the archive and one DELETE from the live table, **in the same transaction**: if anything
fails in between, the batch is rolled back and the order is still exactly where it was. Never
two transactions (a crash in between leaves a copy in both tables, or in neither). Small batches
keep each transaction, and the locks it holds, short.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, literal, select
from sqlalchemy.engine import Engine

from shop.models import ArchivedOrder, Order

orders = Order.__table__
archive = ArchivedOrder.__table__


def archive_orders(engine: Engine, before: datetime, now: datetime, batch_size: int = 500) -> int:
    """Move every order created before ``before`` to the archive; return how many moved.

    ``now`` is recorded as ``archived_at``. Times are naive UTC, as the tables store them.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    # BEGIN SOLUTION
    moved = 0
    while True:
        with engine.begin() as conn:
            ids = list(
                conn.scalars(
                    select(orders.c.id)
                    .where(orders.c.created_at < before)
                    .order_by(orders.c.id)
                    .limit(batch_size)
                )
            )
            if not ids:
                return moved
            columns = ["id", "user_id", "item", "quantity", "created_at"]
            conn.execute(
                insert(archive).from_select(
                    [*columns, "archived_at"],
                    select(*(orders.c[name] for name in columns), literal(now)).where(
                        orders.c.id.in_(ids)
                    ),
                )
            )
            conn.execute(delete(orders).where(orders.c.id.in_(ids)))
        moved += len(ids)
    # STARTER: raise NotImplementedError("TODO(day30): move old orders, one transaction per batch")
    # END SOLUTION
