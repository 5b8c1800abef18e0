"""The Backend-for-Frontend endpoint: one round trip for the page, built from two services."""

import asyncio
import json

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


def test_summary_asks_both_services_at_the_same_time(gateway_with):
    """Each fake service notes when a call starts, gives the event loop a few turns, then notes
    its end. Called concurrently, both calls start before either ends; one after the other, the
    first call has ended before the second starts (and the page waits for the sum of both)."""
    events: list[str] = []

    def service(name: str, body):
        async def handle(request: httpx.Request) -> httpx.Response:
            events.append(f"{name} started")
            for _ in range(5):
                await asyncio.sleep(0)
            events.append(f"{name} ended")
            return httpx.Response(200, content=json.dumps(body).encode(), headers=JSON)

        return httpx.MockTransport(handle)

    user = {"id": 7, "name": "Ada", "email": "ada@example.com"}
    users = service("users", user)
    orders = service("orders", [{"id": 1, "user_id": 7, "total_cents": 500}])
    with gateway_with(users=users, orders=orders) as gateway:
        response = gateway.get("/bff/users/7/summary")

    assert response.status_code == 200
    assert response.json()["total_spent_cents"] == 500
    starts = [i for i, event in enumerate(events) if event.endswith("started")]
    ends = [i for i, event in enumerate(events) if event.endswith("ended")]
    assert len(starts) == 2 and max(starts) < min(ends), (
        f"the services were called one after the other: {events}"
    )


JSON = {"content-type": "application/json"}
