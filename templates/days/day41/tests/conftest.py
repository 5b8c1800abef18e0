"""The shop wired to the course's fake LLM, with a sleep that only records what it was asked."""

from __future__ import annotations

import json
import os

import pytest
from fastapi.testclient import TestClient

from fakellm import FakeLLM
from fakellm.fake import BASE_URL
from shop.app import create_app
from shop.config import Settings
from shop.usage import UsageLog

# A key that must never appear in a log line or a response.
SECRET_KEY = "sk-test-3f9c-never-print-me"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeSleep:
    """Stands in for time.sleep: remembers each delay and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def settings() -> Settings:
    return Settings(
        provider="openai",
        base_url=BASE_URL,
        model="gpt-4o-mini",
        api_key=SECRET_KEY,
        timeout_seconds=12.5,
    )


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def sleeps() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def usage_log() -> UsageLog:
    return UsageLog()


@pytest.fixture
def shop(settings, llm, sleeps, usage_log):
    app = create_app(settings, http_client=llm.http_client(), sleep=sleeps, usage_log=usage_log)
    with TestClient(app) as client:
        yield client


def sse_data(text: str) -> list[str]:
    """The `data:` payloads of a text/event-stream body, in order."""
    return [line[len("data: ") :] for line in text.splitlines() if line.startswith("data: ")]


def sse_deltas(text: str) -> list[str]:
    deltas = []
    for data in sse_data(text):
        if data == "[DONE]":
            continue
        event = json.loads(data)
        if "delta" in event:
            deltas.append(event["delta"])
    return deltas
