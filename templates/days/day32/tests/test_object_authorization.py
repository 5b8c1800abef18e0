"""API1 broken object-level authorization: an id in the URL is a claim, not a permission."""

from tests.helpers import ADA, BOB, CAROL, auth, order_row

BOBS_ORDER = 3


def test_owners_read_their_own_orders(client):
    response = client.get("/orders/1", headers=auth(ADA))
    assert response.status_code == 200
    assert response.json()["user_id"] == ADA and response.json()["total_cents"] == 1800
    assert client.get(f"/orders/{BOBS_ORDER}", headers=auth(BOB)).status_code == 200


def test_another_users_order_is_a_404_exactly_like_a_missing_one(client):
    someone_elses = client.get(f"/orders/{BOBS_ORDER}", headers=auth(ADA))
    missing = client.get("/orders/999", headers=auth(ADA))

    assert someone_elses.status_code == 404
    assert missing.status_code == 404
    assert someone_elses.json() == missing.json()
    assert "Hidden Lane" not in someone_elses.text and "4999" not in someone_elses.text


def test_patching_another_users_order_is_a_404_and_changes_nothing(client, db):
    before = order_row(db, BOBS_ORDER)
    response = client.patch(
        f"/orders/{BOBS_ORDER}",
        headers=auth(ADA),
        json={"shipping_address": "1 Engine Road", "note": "deliver to Ada instead"},
    )
    assert response.status_code == 404
    assert order_row(db, BOBS_ORDER) == before


def test_deleting_another_users_order_is_a_404_and_keeps_it(client, db):
    response = client.delete(f"/orders/{BOBS_ORDER}", headers=auth(ADA))
    assert response.status_code == 404
    assert order_row(db, BOBS_ORDER) is not None


def test_owners_edit_and_cancel_their_own_orders(client, db):
    edited = client.patch(f"/orders/{BOBS_ORDER}", headers=auth(BOB), json={"note": "porch"})
    assert edited.status_code == 200
    assert edited.json()["note"] == "porch"
    assert order_row(db, BOBS_ORDER)["shipping_address"] == "12 Hidden Lane"

    assert client.delete(f"/orders/{BOBS_ORDER}", headers=auth(BOB)).status_code == 204
    assert order_row(db, BOBS_ORDER) is None
    assert client.get(f"/orders/{BOBS_ORDER}", headers=auth(BOB)).status_code == 404


def test_the_order_list_holds_only_the_callers_orders(client):
    for params in ({}, {"user_id": BOB}):
        response = client.get("/orders", headers=auth(ADA), params=params)
        assert response.status_code == 200
        assert [order["id"] for order in response.json()] == [1, 2]


def test_no_token_or_an_unknown_token_is_a_401(client):
    assert client.get("/orders/1").status_code == 401
    assert client.get("/orders/1", headers={"Authorization": "Bearer nope"}).status_code == 401
    injected = {"Authorization": "Bearer ' OR '1'='1"}
    assert client.get("/orders/1", headers=injected).status_code == 401
    assert client.get("/orders", headers=auth(ADA)).status_code == 200


def test_the_admin_area_is_a_403_for_customers_and_open_to_admins(client):
    assert client.get("/admin/orders", headers=auth(ADA)).status_code == 403
    response = client.get("/admin/orders", headers=auth(CAROL))
    assert response.status_code == 200 and len(response.json()) == 3
    assert client.get(f"/orders/{BOBS_ORDER}", headers=auth(ADA)).status_code == 404
