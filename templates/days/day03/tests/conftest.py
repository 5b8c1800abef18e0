"""Shared fixtures: every test gets its own empty store, swapped in through FastAPI's
dependency_overrides. Tests marked `live` (none today) would run only with BEC_LIVE=1."""

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import app, get_store
from app.store import NoteStore


@pytest.fixture
def store() -> NoteStore:
    return NoteStore()


@pytest.fixture
def client(store: NoteStore) -> Iterator[TestClient]:
    app.dependency_overrides[get_store] = lambda: store
    try:
        yield TestClient(app)
    finally:
        app.dependency_overrides.clear()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="live test: needs running services and BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)
