"""Fixtures: the fake LLM answering every question, a fake clock, and the real embedder."""

from __future__ import annotations

import os

import pytest

from fakellm import FakeLLM
from fakellm.fake import last_user_message
from knowledgecloud.cost.cache import SemanticCache
from knowledgecloud.cost.embeddings import embed_one, model


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def reply_for(body: dict) -> str:
    """The fake model's answer: depends on the question, so cached answers can be told apart."""
    return f"Answer to: {last_user_message(body)}"


@pytest.fixture(scope="session", autouse=True)
def embedder_loaded():
    model()  # load WordLlama once for the whole run


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM(default=reply_for)


@pytest.fixture
def cache(clock) -> SemanticCache:
    return SemanticCache(embed_one, clock=clock)
