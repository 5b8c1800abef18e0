"""The course's fake LLM and a client for it."""

from __future__ import annotations

import os

import pytest

from fakellm import FakeLLM


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
