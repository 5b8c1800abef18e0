import os

import pytest
from fastapi.testclient import TestClient

from app.main import create_app


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; set BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def client():
    """A client for a brand-new app, so every test starts with an empty repository."""
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def new_user(client):
    """Call new_user() inside a test to create a user through the API."""

    def make(name: str = "Ada Lovelace", email: str = "ada@example.com") -> dict:
        response = client.post("/users", json={"name": name, "email": email})
        assert response.status_code == 201, response.text
        return response.json()

    return make


@pytest.fixture
def new_order(client):
    """Call new_order(user_id) inside a test to create an order through the API."""

    def make(user_id: int, item: str = "keyboard", quantity: int = 1) -> dict:
        response = client.post(
            f"/users/{user_id}/orders", json={"item": item, "quantity": quantity}
        )
        assert response.status_code == 201, response.text
        return response.json()

    return make
