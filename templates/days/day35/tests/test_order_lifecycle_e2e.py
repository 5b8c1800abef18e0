"""End to end: a customer's order through the gateway, the Users and the Orders services.

All three apps run in this process (the gateway reaches the services over httpx.ASGITransport),
so the test is fast and needs no ports, yet every request crosses the same HTTP boundaries as in
production: gateway routing, the Orders service asking the Users service, status codes.
"""


def register(shop, email="ada@example.com") -> int:
    response = shop.post("/users", json={"name": "Ada", "email": email})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def place_order(shop, user_id: int) -> dict:
    items = [{"sku": "KB-01", "quantity": 2, "unit_price_cents": 1250}]
    response = shop.post("/orders", json={"user_id": user_id, "items": items})
    assert response.status_code == 201, response.text
    return response.json()


def act(shop, order_id: int, action: str):
    return shop.post(f"/orders/{order_id}/{action}")


def test_order_goes_from_placed_to_paid_to_shipped(shop):
    user_id = register(shop)
    order = place_order(shop, user_id)
    assert (order["status"], order["total_cents"]) == ("pending", 2500)

    paid = act(shop, order["id"], "pay")
    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "paid"
    shipped = act(shop, order["id"], "ship")
    assert shipped.status_code == 200, shipped.text
    assert shipped.json()["status"] == "shipped"

    late_cancel = act(shop, order["id"], "cancel")
    assert late_cancel.status_code == 409, "a shipped order cannot be cancelled"
    summary = shop.get(f"/bff/users/{user_id}/summary").json()
    assert [o["status"] for o in summary["orders"]] == ["shipped"]
    assert summary["total_spent_cents"] == 2500


def test_an_order_cannot_ship_before_it_is_paid(shop):
    order = place_order(shop, register(shop))
    early = act(shop, order["id"], "ship")
    assert early.status_code == 409, early.text
    assert "pending" in early.json()["detail"]
    assert shop.get(f"/orders/{order['id']}").json()["status"] == "pending"


def test_a_cancelled_order_stays_cancelled(shop):
    order = place_order(shop, register(shop))
    assert act(shop, order["id"], "cancel").json()["status"] == "cancelled"
    for action in ("pay", "ship", "cancel"):
        assert act(shop, order["id"], action).status_code == 409, action
    assert shop.get(f"/orders/{order['id']}").json()["status"] == "cancelled"


def test_an_order_is_paid_once_and_can_be_refunded_before_shipping(shop):
    order = place_order(shop, register(shop))
    assert act(shop, order["id"], "pay").status_code == 200
    assert act(shop, order["id"], "pay").status_code == 409, "paying twice charges twice"
    assert act(shop, order["id"], "cancel").json()["status"] == "cancelled"


def test_lifecycle_errors_at_the_edges(shop):
    assert act(shop, 404, "pay").status_code == 404
    missing_user = shop.post(
        "/orders",
        json={"user_id": 41, "items": [{"sku": "X", "quantity": 1, "unit_price_cents": 1}]},
    )
    assert missing_user.status_code == 422
    order = place_order(shop, register(shop))
    assert act(shop, order["id"], "refund").status_code == 422, "only pay, ship and cancel exist"
    paid = act(shop, order["id"], "pay")
    assert paid.status_code == 200, f"the unknown action changed nothing, paying works: {paid.text}"
