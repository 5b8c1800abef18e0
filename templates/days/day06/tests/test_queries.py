import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.queries import (
    create_order,
    create_user,
    delete_user,
    find_user_by_email,
    get_user,
    list_orders_for_user,
    list_users,
    spending_by_user,
    update_order_status,
)


def test_created_users_get_ids_and_can_be_found_again(engine):
    with engine.begin() as conn:
        ada = create_user(conn, "Ada Lovelace", "ada@example.com")
        grace = create_user(conn, "Grace Hopper", "grace@example.com")

    assert isinstance(ada, int) and isinstance(grace, int) and ada != grace
    with engine.connect() as conn:
        assert get_user(conn, ada)["email"] == "ada@example.com"
        found = find_user_by_email(conn, "grace@example.com")
        assert (found["id"], found["name"]) == (grace, "Grace Hopper")
        assert find_user_by_email(conn, "nobody@example.com") is None
        assert [user["name"] for user in list_users(conn)] == ["Ada Lovelace", "Grace Hopper"]


def test_values_are_bound_parameters_not_pasted_into_the_sql(engine):
    sneaky = "Robert'); DROP TABLE users; --"
    with engine.begin() as conn:
        create_user(conn, sneaky, "bobby@example.com")

    with engine.connect() as conn:
        assert find_user_by_email(conn, "bobby@example.com")["name"] == sneaky
        assert find_user_by_email(conn, "' OR '1'='1") is None
        assert len(list_users(conn)) == 1


def test_list_orders_for_user_returns_only_theirs_oldest_first(engine):
    with engine.begin() as conn:
        ada = create_user(conn, "Ada", "ada@example.com")
        grace = create_user(conn, "Grace", "grace@example.com")
        keyboard = create_order(conn, ada, "keyboard", 12900)
        cable = create_order(conn, ada, "cable", 2700, quantity=3)
        create_order(conn, grace, "desk", 45000)
        update_order_status(conn, cable, "paid")

    with engine.connect() as conn:
        orders = list_orders_for_user(conn, ada)
        paid = list_orders_for_user(conn, ada, status="paid")
        nothing = list_orders_for_user(conn, 999)

    assert orders == [
        {
            "id": keyboard,
            "user_id": ada,
            "item": "keyboard",
            "quantity": 1,
            "amount_cents": 12900,
            "status": "pending",
        },
        {
            "id": cable,
            "user_id": ada,
            "item": "cable",
            "quantity": 3,
            "amount_cents": 2700,
            "status": "paid",
        },
    ]
    assert [order["id"] for order in paid] == [cable]
    assert nothing == []


def test_update_order_status_reports_whether_an_order_changed(engine):
    with engine.begin() as conn:
        order = create_order(conn, create_user(conn, "Ada", "ada@example.com"), "desk", 45000)

    with engine.begin() as conn:
        assert update_order_status(conn, order, "shipped") is True
        assert update_order_status(conn, 999, "shipped") is False
    with engine.connect() as conn:
        status = conn.execute(text("SELECT status FROM orders WHERE id = :id"), {"id": order})
        assert status.scalar_one() == "shipped"

    with pytest.raises(IntegrityError), engine.begin() as conn:
        update_order_status(conn, order, "teleported")


def test_deleting_a_user_deletes_their_orders_too(engine):
    with engine.begin() as conn:
        ada = create_user(conn, "Ada", "ada@example.com")
        grace = create_user(conn, "Grace", "grace@example.com")
        create_order(conn, ada, "keyboard", 12900)
        create_order(conn, ada, "cable", 2700)
        create_order(conn, grace, "desk", 45000)

    with engine.begin() as conn:
        assert delete_user(conn, ada) is True
        assert delete_user(conn, ada) is False

    with engine.connect() as conn:
        owners = conn.execute(text("SELECT user_id FROM orders")).scalars().all()
        assert owners == [grace]
        assert get_user(conn, ada) is None


def test_spending_by_user_ignores_cancelled_orders_and_keeps_users_without_orders(engine):
    with engine.begin() as conn:
        ada = create_user(conn, "Ada", "ada@example.com")
        grace = create_user(conn, "Grace", "grace@example.com")
        linus = create_user(conn, "Linus", "linus@example.com")
        create_order(conn, ada, "keyboard", 12900)
        create_order(conn, ada, "cable", 2700)
        create_order(conn, grace, "desk", 45000)
        update_order_status(conn, create_order(conn, linus, "arm", 99000), "cancelled")

    with engine.connect() as conn:
        summary = spending_by_user(conn)

    assert summary == [
        {"user_id": grace, "name": "Grace", "order_count": 1, "total_cents": 45000},
        {"user_id": ada, "name": "Ada", "order_count": 2, "total_cents": 15600},
        {"user_id": linus, "name": "Linus", "order_count": 0, "total_cents": 0},
    ]
