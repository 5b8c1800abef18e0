"""The order agent wired to the course's fake LLM, a fake clock and a log file in tmp_path."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from fakellm import FakeLLM
from shop.agent import GuardedAgent
from shop.audit import SCHEMA_PATH, AuditLog
from shop.budget import Budget
from shop.metrics import Metrics
from shop.orders_tools import OrderStore


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """Stands in for the wall clock: one second later at each reading."""

    def __init__(self) -> None:
        self.seconds = 0

    def __call__(self) -> str:
        self.seconds += 1
        minutes, seconds = divmod(self.seconds, 60)
        return f"2026-01-05T09:{minutes:02d}:{seconds:02d}.000Z"


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def store() -> OrderStore:
    return OrderStore()


@pytest.fixture
def log_path(tmp_path) -> Path:
    return tmp_path / "audit" / "agent.jsonl"


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


@pytest.fixture
def make_agent(llm, store, log_path, metrics):
    def make(
        *,
        max_cost: str = "1.00",
        max_tokens: int = 1_000_000,
        max_iterations: int = 6,
        run_id: str = "run-1",
    ) -> GuardedAgent:
        return GuardedAgent(
            llm.client(),
            store.tools(),
            audit=AuditLog(log_path, run_id, clock=FakeClock()),
            metrics=metrics,
            budget=Budget(max_tokens, Decimal(max_cost)),
            max_iterations=max_iterations,
        )

    return make


def audit_events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture
def events(log_path):
    """The audit log's events, read from the file as it is now."""
    return lambda: audit_events(log_path)
