"""Shared fixtures: labelled questions, the fake LLM scripted for the three kinds of call, and
the help centre (built on first use inside a test, so unfinished code fails that test instead of
erroring in a fixture)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from fakellm import FakeLLM, extractive
from fakellm.fake import BASE_URL
from shop.advanced import HYDE_PROMPT, REWRITE_PROMPT
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
    return json.loads((FIXTURES / "questions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def help_centre() -> Callable[[], HelpCentre]:
    """Call it for the whole help centre with day 43's chunking, embedded once per run."""
    return cache(lambda: HelpCentre.from_articles(load_articles()))


def kind_of(body: dict[str, Any]) -> str:
    """Which step of the pipeline sent a request, told by its system prompt."""
    system = next((m["content"] for m in body["messages"] if m["role"] == "system"), "")
    return {REWRITE_PROMPT: "rewrite", HYDE_PROMPT: "hyde"}.get(system, "answer")


def user_text(body: dict[str, Any]) -> str:
    return body["messages"][-1]["content"]


@dataclass
class Script:
    """What the fake model answers: rewrites and HyDE passages by their input (the input itself
    when not listed), and every other call extractively from the prompt's sources."""

    rewrites: dict[str, str] = field(default_factory=dict)
    passages: dict[str, str] = field(default_factory=dict)

    def rewrite(self, body: dict[str, Any]) -> str:
        message = user_text(body).rsplit("Last message:", 1)[-1].strip()
        return self.rewrites.get(message, message)

    def hyde(self, body: dict[str, Any]) -> str:
        query = user_text(body).strip()
        return self.passages.get(query, query)


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def script(llm) -> Script:
    script = Script()
    llm.when(lambda body: kind_of(body) == "rewrite", script.rewrite)
    llm.when(lambda body: kind_of(body) == "hyde", script.hyde)
    llm.default = extractive()
    return script


@pytest.fixture
def gateway(llm) -> ChatGateway:
    settings = Settings(provider="openai", base_url=BASE_URL, model="gpt-4o-mini", api_key="test")
    return ChatGateway(llm.client, settings, sleep=lambda seconds: None)


@pytest.fixture
def call_kinds(llm) -> Callable[[], list[str]]:
    """The steps ("rewrite", "hyde", "answer") of the requests the fake received, in order."""
    return lambda: [kind_of(call.body) for call in llm.calls]
