"""The fake LLM scripted as a summariser and a chat model, and a memory store on a temp file."""

from __future__ import annotations

import os

import pytest

from fakellm import FakeLLM
from shop import embeddings
from shop.long_term import MemoryStore
from shop.short_term import SUMMARIZER_PROMPT, LLMSummarizer


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture(scope="session", autouse=True)
def embedding_model():
    """WordLlama, loaded once for the whole session (embeddings.model is cached)."""
    return embeddings.model()


def is_summary_request(body: dict) -> bool:
    return body["messages"][0]["content"] == SUMMARIZER_PROMPT


def summary_requests(llm: FakeLLM) -> list[dict]:
    return [body for body in llm.requests if is_summary_request(body)]


def chat_requests(llm: FakeLLM) -> list[dict]:
    return [body for body in llm.requests if not is_summary_request(body)]


@pytest.fixture
def llm() -> FakeLLM:
    """Summarising calls answer "Summary N: ..." (all the same length); chat calls "Noted."."""
    fake = FakeLLM(default="Noted.")
    numbers = iter(range(1, 100))
    fake.when(
        is_summary_request,
        lambda body: f"Summary {next(numbers)}: the customer asked about orders.",
    )
    return fake


@pytest.fixture
def summarizer(llm) -> LLMSummarizer:
    return LLMSummarizer(llm.client(), "fake-model")


@pytest.fixture
def store(tmp_path):
    memories = MemoryStore(tmp_path / "memory.db")
    yield memories
    memories.close()
