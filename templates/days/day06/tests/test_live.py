"""The same schema and queries against the Postgres from compose.yaml:

cp .env.example .env && docker compose up -d
BEC_LIVE=1 uv run --env-file .env pytest -m live
"""

import pytest
from sqlalchemy.exc import IntegrityError

from app.queries import (
    create_order,
    create_user,
    delete_user,
    list_orders_for_user,
    spending_by_user,
    update_order_status,
)


@pytest.mark.live
def test_live_postgres_runs_the_same_schema_and_queries(postgres_engine):
    with postgres_engine.begin() as conn:
        ada = create_user(conn, "Ada", "ada@example.com")
        order = create_order(conn, ada, "keyboard", 12900)
        assert update_order_status(conn, order, "paid") is True

    with pytest.raises(IntegrityError), postgres_engine.begin() as conn:
        create_user(conn, "Ada again", "ada@example.com")

    with postgres_engine.begin() as conn:
        assert [o["status"] for o in list_orders_for_user(conn, ada)] == ["paid"]
        assert spending_by_user(conn)[0]["total_cents"] == 12900
        assert delete_user(conn, ada) is True
        assert list_orders_for_user(conn, ada) == []
