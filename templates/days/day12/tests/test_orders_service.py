"""The Orders service validates users through the Users service, never through its data."""

import ast
from pathlib import Path

import httpx

ORDER = {"user_id": 1, "items": [{"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250}]}
ORDERS_PACKAGE = Path(__file__).resolve().parent.parent / "services" / "orders"


def test_order_for_an_existing_user_is_created(users_api, orders_api):
    registered = users_api.post("/users", json={"name": "Ada", "email": "ada@example.com"})
    assert registered.status_code == 201
    user = registered.json()

    created = orders_api.post("/orders", json={**ORDER, "user_id": user["id"]})
    assert created.status_code == 201
    order = created.json()
    assert order["user_id"] == user["id"] and order["total_cents"] == 2500

    assert orders_api.get(f"/orders/{order['id']}").json() == order
    assert orders_api.get("/orders", params={"user_id": user["id"]}).json() == [order]


def test_order_for_an_unknown_user_is_rejected_with_422(orders_api):
    response = orders_api.post("/orders", json={**ORDER, "user_id": 404})
    assert response.status_code == 422
    assert orders_api.get("/orders", params={"user_id": 404}).json() == []


def test_orders_answers_503_and_stores_nothing_when_users_is_down(orders_with_users_transport):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with orders_with_users_transport(httpx.MockTransport(refuse)) as orders_api:
        response = orders_api.post("/orders", json=ORDER)
        assert response.status_code == 503
        assert orders_api.get("/orders", params={"user_id": 1}).json() == []


def test_orders_needs_nothing_but_the_users_http_contract(orders_with_users_transport):
    calls: list[str] = []

    def fake_users(request: httpx.Request) -> httpx.Response:
        calls.append(f"{request.method} {request.url.path}")
        return httpx.Response(200, json={"id": 1, "name": "Ada", "email": "ada@example.com"})

    with orders_with_users_transport(httpx.MockTransport(fake_users)) as orders_api:
        assert orders_api.post("/orders", json=ORDER).status_code == 201
    assert calls == ["GET /users/1"]

    for module in ORDERS_PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("services.users", "monolith")), (
                    f"{module.name} imports {name}: Orders must reach Users over HTTP only"
                )
