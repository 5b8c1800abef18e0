"""Shared test setup: tests marked `live` need the compose.yaml services and run only with
BEC_LIVE=1 (for example `BEC_LIVE=1 python -m pytest -m live`)."""

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(
        reason="live test: run `docker compose up -d`, then set BEC_LIVE=1 to include it"
    )
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)
