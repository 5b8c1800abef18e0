def test_create_order_under_a_user_starts_pending_and_has_its_own_url(client, new_user):
    user = new_user()

    response = client.post(f"/users/{user['id']}/orders", json={"item": "desk", "quantity": 2})

    assert response.status_code == 201
    order = response.json()
    assert order == {
        "id": order["id"],
        "user_id": user["id"],
        "item": "desk",
        "quantity": 2,
        "status": "pending",
    }
    assert response.headers["location"] == f"/orders/{order['id']}"
    assert client.get(f"/orders/{order['id']}").json() == order


def test_order_for_an_unknown_user_is_404_and_nothing_is_stored(client, new_user):
    response = client.post("/users/99/orders", json={"item": "desk"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "user_not_found"
    user = new_user()
    assert client.get(f"/users/{user['id']}/orders").json() == {"items": []}


def test_nested_list_shows_only_that_users_orders_and_filters_by_status(
    client, new_user, new_order
):
    ada = new_user()
    linus = new_user(name="Linus", email="linus@example.com")
    first = new_order(ada["id"], item="keyboard")
    second = new_order(ada["id"], item="mouse")
    new_order(linus["id"], item="monitor")

    listed = client.get(f"/users/{ada['id']}/orders")
    assert listed.status_code == 200
    assert listed.json() == {"items": [first, second]}

    client.patch(f"/orders/{second['id']}", json={"status": "paid"})
    paid = client.get(f"/users/{ada['id']}/orders", params={"status": "paid"}).json()
    assert [order["id"] for order in paid["items"]] == [second["id"]]

    assert client.get("/users/99/orders").status_code == 404


def test_update_and_delete_an_order(client, new_user, new_order):
    order = new_order(new_user()["id"], quantity=1)

    response = client.patch(f"/orders/{order['id']}", json={"quantity": 3, "status": "paid"})
    assert response.status_code == 200
    assert response.json() == {**order, "quantity": 3, "status": "paid"}

    assert client.delete(f"/orders/{order['id']}").status_code == 204
    missing = client.get(f"/orders/{order['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "order_not_found"


def test_a_user_with_orders_cannot_be_deleted(client, new_user, new_order):
    user = new_user()
    order = new_order(user["id"])

    response = client.delete(f"/users/{user['id']}")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "user_has_orders"
    assert client.get(f"/users/{user['id']}").status_code == 200

    client.delete(f"/orders/{order['id']}")
    assert client.delete(f"/users/{user['id']}").status_code == 204
