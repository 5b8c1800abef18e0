"""Old orders move to the archive: every one exactly once, and never half-moved."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, exc, insert, select

from shop.archive import archive_orders
from shop.models import ArchivedOrder, Base, Order
from shop.releases import V3

NOW = datetime(2026, 6, 1, 3, 0)
CUTOFF = NOW - timedelta(days=90)
COLUMNS = ("id", "user_id", "item", "quantity", "created_at")


@pytest.fixture
def shop(engine):
    """30 orders, one every 6 days back from NOW: the 15 oldest are older than CUTOFF."""
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        user = V3.create_user(conn, "Ada", "ada@example.com")
        conn.execute(
            insert(Order.__table__),
            [
                {
                    "user_id": user,
                    "item": f"item {n}",
                    "quantity": n % 4 + 1,
                    "created_at": NOW - timedelta(days=6 * n + 1),
                }
                for n in range(30)
            ],
        )
    return engine


def rows(engine, table):
    with engine.connect() as conn:
        result = conn.execute(select(*(table.c[c] for c in COLUMNS)).order_by(table.c.id))
        return [tuple(row) for row in result]


def test_old_orders_move_to_the_archive_unchanged(shop):
    before = rows(shop, Order.__table__)
    old = [row for row in before if row[-1] < CUTOFF]
    assert len(old) == 15

    moved = archive_orders(shop, before=CUTOFF, now=NOW, batch_size=4)

    assert moved == 15
    assert rows(shop, ArchivedOrder.__table__) == old
    assert rows(shop, Order.__table__) == [row for row in before if row[-1] >= CUTOFF]
    with shop.connect() as conn:
        stamps = set(conn.scalars(select(ArchivedOrder.archived_at)))
    assert stamps == {NOW}


def test_archiving_again_moves_nothing(shop):
    archive_orders(shop, before=CUTOFF, now=NOW)
    archived = rows(shop, ArchivedOrder.__table__)

    assert archive_orders(shop, before=CUTOFF, now=NOW + timedelta(days=1)) == 0
    assert rows(shop, ArchivedOrder.__table__) == archived


def test_a_failure_between_copy_and_delete_leaves_every_order_where_it_was(shop):
    before = rows(shop, Order.__table__)

    def fail_on_delete(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if statement.lstrip().upper().startswith("DELETE FROM ORDERS"):
            raise shop.dialect.loaded_dbapi.OperationalError("injected fault: disk I/O error")

    event.listen(shop, "before_cursor_execute", fail_on_delete)
    try:
        with pytest.raises(exc.OperationalError):
            archive_orders(shop, before=CUTOFF, now=NOW, batch_size=4)
    finally:
        event.remove(shop, "before_cursor_execute", fail_on_delete)

    assert rows(shop, Order.__table__) == before, "orders were lost"
    assert rows(shop, ArchivedOrder.__table__) == [], (
        "the archive kept copies of orders that are still live: copy and delete must commit "
        "together"
    )
