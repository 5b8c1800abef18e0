"""The course's fake LLM, a fixed clock and the agent's toolbox."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

from fakellm import FakeLLM
from shop.agent import shop_toolbox

# A Friday afternoon, in UTC. Every "today" in these tests is this one.
NOW = datetime(2026, 2, 27, 15, 30, tzinfo=UTC)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def client(llm):
    return llm.client()


@pytest.fixture
def clock():
    return lambda: NOW


@pytest.fixture
def toolbox(clock):
    return shop_toolbox(clock)
