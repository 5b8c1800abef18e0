"""The gateway as a reverse proxy: it routes by path prefix and stays transparent."""

ORDER_ITEMS = [{"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250}]


def test_user_requests_reach_the_users_service(gateway, users_app, register):
    user = register()
    assert users_app.state.store.get(user["id"]) is not None, "the user was not stored by Users"

    fetched = gateway.get(f"/users/{user['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == user


def test_order_requests_reach_the_orders_service_with_their_query_string(gateway, register):
    user = register()
    placed = gateway.post("/orders", json={"user_id": user["id"], "items": ORDER_ITEMS})
    assert placed.status_code == 201
    register(name="Bob", email="bob@example.com")

    listed = gateway.get("/orders", params={"user_id": user["id"]})
    assert listed.status_code == 200
    assert listed.json() == [placed.json()]


def test_upstream_errors_are_relayed_unchanged(gateway):
    missing = gateway.get("/users/4242")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "user 4242 not found"}

    invalid = gateway.post("/users", json={"name": ""})
    assert invalid.status_code == 422
    assert invalid.headers["content-type"].startswith("application/json")
