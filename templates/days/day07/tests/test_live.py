"""The migration, place_order and the composite index on the Postgres from compose.yaml:

cp .env.example .env && docker compose up -d
BEC_LIVE=1 uv run --env-file .env pytest -m live
"""

import pytest
from sqlalchemy import text

from app.db import explain
from app.migrate import migrate_flat_orders
from app.orders import UnknownProductError, place_order
from app.reports import RECENT_ORDERS_SQL


@pytest.mark.live
def test_live_postgres_migration_orders_and_index(postgres_engine):
    with postgres_engine.begin() as conn:
        counts = migrate_flat_orders(conn)
        conn.execute(text("UPDATE products SET stock = 5"))
        ada = conn.execute(text("SELECT id FROM users WHERE email = 'ada@example.com'")).scalar()
    assert counts == {"users": 3, "products": 4, "orders": 6, "order_items": 10}

    new_order = place_order(postgres_engine, ada, [("KB-01", 1)])
    assert new_order > 1006, "new ids must not collide with migrated ones (sync_identity)"
    with pytest.raises(UnknownProductError):
        place_order(postgres_engine, ada, [("CB-02", 1), ("NOPE-99", 1)])

    with postgres_engine.connect() as conn:
        stock = dict(conn.execute(text("SELECT sku, stock FROM products")).all())
        assert stock == {"KB-01": 4, "CB-02": 5, "DS-03": 5, "MA-04": 5}
        # Six orders fit in one page, so Postgres would rightly read the whole table;
        # turning sequential scans off shows whether the index can serve the query at all.
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(explain(conn, RECENT_ORDERS_SQL, {"user_id": ada, "limit": 10}))
    assert "idx_orders_user_created" in plan, plan
