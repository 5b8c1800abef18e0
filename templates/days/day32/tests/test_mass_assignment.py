"""API3 broken object property level authorization: clients set only what they may set."""

import pytest

from app import repo
from tests.helpers import ADA, auth, order_row, user_row


def test_an_order_patch_ignores_fields_the_customer_may_not_set(client, db):
    response = client.patch(
        "/orders/1",
        headers=auth(ADA),
        json={
            "note": "leave at the door",
            "total_cents": 1,
            "status": "refunded",
            "user_id": 2,
            "id": 77,
        },
    )
    assert response.status_code == 200
    assert order_row(db, 1) == {
        "id": 1,
        "user_id": ADA,
        "status": "placed",
        "total_cents": 1800,
        "note": "leave at the door",
        "shipping_address": "1 Engine Road",
    }
    assert response.json() == order_row(db, 1)


def test_a_profile_patch_cannot_make_a_user_admin(client, db):
    response = client.patch(
        "/me",
        headers=auth(ADA),
        json={"display_name": "Countess", "is_admin": True, "email": "root@example.com"},
    )
    assert response.status_code == 200
    row = user_row(db, ADA)
    assert row["display_name"] == "Countess"
    assert row["is_admin"] == 0 and row["email"] == "ada@example.com"
    assert client.get("/admin/orders", headers=auth(ADA)).status_code == 403


def test_update_order_refuses_columns_outside_the_allowlist(db):
    with pytest.raises(ValueError):
        repo.update_order(db, 1, ADA, {"total_cents": 1})
    with pytest.raises(ValueError):
        repo.update_order(db, 1, ADA, {"note = 'x', total_cents": 0})
    assert order_row(db, 1)["total_cents"] == 1800
    assert repo.update_order(db, 1, ADA, {"note": "ok"})["note"] == "ok"
