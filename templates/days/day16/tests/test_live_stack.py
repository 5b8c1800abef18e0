"""Talks to the running stack. Start it first: cp .env.example .env && docker compose up -d --build
then run BEC_LIVE=1 python -m pytest tests/test_live_stack.py"""

import os
import uuid

import httpx
import pytest

USERS = os.environ.get("USERS_PUBLIC_URL", "http://127.0.0.1:8001")
ORDERS = os.environ.get("ORDERS_PUBLIC_URL", "http://127.0.0.1:8002")


@pytest.mark.live
def test_containers_serve_an_order_for_a_user_stored_in_postgres():
    with httpx.Client(timeout=5.0) as client:
        assert client.get(f"{USERS}/health").json()["status"] == "ok"
        assert client.get(f"{ORDERS}/health").json()["status"] == "ok"
        email = f"live-{uuid.uuid4().hex[:8]}@example.com"
        user = client.post(f"{USERS}/users", json={"name": "Live", "email": email})
        assert user.status_code == 201, user.text
        assert client.get(f"{USERS}/users/{user.json()['id']}").json()["email"] == email
        items = [{"sku": "MUG-01", "quantity": 2, "unit_price_cents": 1250}]
        order = client.post(f"{ORDERS}/orders", json={"user_id": user.json()["id"], "items": items})
        assert order.status_code == 201, order.text
        assert order.json()["total_cents"] == 2500
        missing = client.post(f"{ORDERS}/orders", json={"user_id": 10**9, "items": items})
        assert missing.status_code == 422, "orders should ask the users service about the user"
