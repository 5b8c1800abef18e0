"""Shared fixtures: the labelled questions, the fake LLM and a gateway; the help centre, built
once per test run (inside the tests, so unfinished code fails the test rather than its setup)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from fakellm import FakeLLM
from fakellm.fake import BASE_URL
from shop.config import Settings
from shop.corpus import load_articles
from shop.llm import ChatGateway
from shop.rag import HelpCentre

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture(scope="session")
def labelled() -> dict:
    """Customer questions, each labelled with the article that answers it."""
    return json.loads((FIXTURES / "questions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def help_centre() -> Callable[[], HelpCentre]:
    """Call it for the whole help centre, chunked and embedded with the default settings.

    Built on the first call inside a test and kept for the run: unfinished code then fails that
    test instead of erroring in a fixture."""
    return cache(lambda: HelpCentre.from_articles(load_articles()))


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def gateway(llm) -> ChatGateway:
    settings = Settings(provider="openai", base_url=BASE_URL, model="gpt-4o-mini", api_key="test")
    return ChatGateway(llm.client, settings, sleep=lambda seconds: None)
