"""The users/orders HTTP contract stays the same from week 3 to the containers of week 4.

Day 12 splits the shop into two services with in-memory stores; day 16 packages them with a SQL
database behind them, and days 17-20 deploy day 16's code. A learner's system only grows if the
routes and JSON shapes do not change on the way, so the same conversation is held with both
implementations (each course folder is its own reference solution) and must get the same answers.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import httpx

DAYS = Path(__file__).resolve().parents[2] / "templates" / "days"


def import_from(folder: Path, module: str):
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(module)
    finally:
        sys.path.remove(str(folder))


def week3_apps(_: Path) -> tuple[object, Callable]:
    users_app = import_from(DAYS / "day12", "services.users.app")
    orders_app = import_from(DAYS / "day12", "services.orders.app")
    client = import_from(DAYS / "day12", "services.orders.users_client")
    users = users_app.create_app()

    def orders(transport: httpx.AsyncBaseTransport) -> object:
        return orders_app.create_app(users=client.UsersClient("http://users", transport=transport))

    return users, orders


def containerised_apps(tmp: Path) -> tuple[object, Callable]:
    users_main = import_from(DAYS / "day16" / "services" / "users", "users_api.main")
    orders_main = import_from(DAYS / "day16" / "services" / "orders", "orders_api.main")
    users = users_main.create_app(f"sqlite:///{tmp / 'users.db'}")

    def orders(transport: httpx.AsyncBaseTransport) -> object:
        return orders_main.create_app(
            f"sqlite:///{tmp / 'orders.db'}", users_url="http://users", users_transport=transport
        )

    return users, orders


async def conversation(users_app, make_orders) -> list[tuple[str, int, object]]:
    """Every request of the contract, with the status and body each one gets."""
    log: list[tuple[str, int, object]] = []

    async def call(http: httpx.AsyncClient, method: str, url: str, **kwargs) -> httpx.Response:
        response = await http.request(method, url, **kwargs)
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("detail"), list):
            body = {"detail": "validation error"}  # pydantic's wording is not the contract
        if url == "/health":
            body = {"status": body["status"]}  # extra fields are additive
        log.append((f"{method} {url} {kwargs.get('json', '')}", response.status_code, body))
        return response

    down = httpx.MockTransport(lambda request: (_ for _ in ()).throw(httpx.ConnectError("down")))
    failing = httpx.MockTransport(lambda request: httpx.Response(500))
    async with users_app.router.lifespan_context(users_app):
        live = httpx.ASGITransport(app=users_app)
        orders_app = make_orders(live)
        async with (
            orders_app.router.lifespan_context(orders_app),
            httpx.AsyncClient(transport=live, base_url="http://users") as users,
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=orders_app), base_url="http://orders"
            ) as orders,
        ):
            await call(users, "GET", "/health")
            await call(orders, "GET", "/health")
            ada = {"name": "Ada", "email": "ada@example.com"}
            await call(users, "POST", "/users", json=ada)
            await call(users, "POST", "/users", json=ada)
            await call(users, "POST", "/users", json={"name": "", "email": "not-an-address"})
            await call(users, "GET", "/users/1")
            await call(users, "GET", "/users/99")
            items = [
                {"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250},
                {"sku": "TEA-07", "quantity": 1, "unit_price_cents": 499},
            ]
            await call(orders, "POST", "/orders", json={"user_id": 1, "items": items})
            await call(orders, "POST", "/orders", json={"user_id": 99, "items": items})
            await call(orders, "POST", "/orders", json={"user_id": 1, "items": []})
            await call(orders, "GET", "/orders/1")
            await call(orders, "GET", "/orders/2")
            await call(orders, "GET", "/orders?user_id=1")
            await call(orders, "GET", "/orders?user_id=99")
        for outage in (down, failing):
            broken = make_orders(outage)
            async with (
                broken.router.lifespan_context(broken),
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=broken), base_url="http://orders"
                ) as orders,
            ):
                await call(orders, "POST", "/orders", json={"user_id": 1, "items": items})
    return log


def run(factory, tmp: Path) -> list[tuple[str, int, object]]:
    users, orders = factory(tmp)
    return asyncio.run(conversation(users, orders))


def test_week3_services_answer_the_contract_as_documented(tmp_path: Path):
    log = run(week3_apps, tmp_path)
    codes = [code for _, code, _ in log]
    assert codes == [200, 200, 201, 409, 422, 200, 404, 201, 422, 422, 200, 404, 200, 200, 503, 503]
    order = next(body for request, _, body in log if request.startswith("GET /orders/1"))
    assert order["total_cents"] == 2 * 1250 + 499 and order["user_id"] == 1


def test_containerised_services_answer_exactly_like_the_week3_services(tmp_path: Path):
    week3 = run(week3_apps, tmp_path / "week3")
    (tmp_path / "day16").mkdir()
    containerised = run(containerised_apps, tmp_path / "day16")
    assert len(containerised) == len(week3)
    for expected, got in zip(week3, containerised, strict=True):
        assert got == expected, f"day 16 breaks the day 12 contract on {expected[0]}"
