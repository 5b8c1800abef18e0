"""The Backend-for-Frontend endpoint: one round trip for the page, built from two services."""

import httpx

from services.users.store import NewUser

ITEMS = [{"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250}]


def test_summary_combines_the_user_and_their_orders(gateway, register):
    user = register()
    for quantity in (1, 3):
        items = [{**ITEMS[0], "quantity": quantity}]
        placed = gateway.post("/orders", json={"user_id": user["id"], "items": items})
        assert placed.status_code == 201

    response = gateway.get(f"/bff/users/{user['id']}/summary")
    assert response.status_code == 200
    summary = response.json()
    assert summary["user"] == user
    assert [order["total_cents"] for order in summary["orders"]] == [1250, 3750]
    assert summary["order_count"] == 2
    assert summary["total_spent_cents"] == 5000
    assert summary["partial"] is False


def test_summary_of_an_unknown_user_is_404(gateway):
    response = gateway.get("/bff/users/4242/summary")
    assert response.status_code == 404


def test_summary_degrades_gracefully_when_orders_is_down(gateway_with, users_app):
    user = users_app.state.store.add(NewUser(name="Ada", email="ada@example.com"))

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with gateway_with(orders=httpx.MockTransport(down)) as gateway:
        response = gateway.get(f"/bff/users/{user.id}/summary")
    assert response.status_code == 200
    summary = response.json()
    assert summary["user"]["email"] == "ada@example.com"
    assert summary["orders"] is None and summary["partial"] is True


def test_summary_gives_504_when_users_times_out(gateway_with):
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("too slow", request=request)

    with gateway_with(users=httpx.MockTransport(slow)) as gateway:
        response = gateway.get("/bff/users/1/summary")
    assert response.status_code == 504
