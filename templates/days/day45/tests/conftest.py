"""The course's fake LLM, the evaluation set, and one offline run of the harness."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fakellm import FakeLLM
from shop.evaluation.dataset import load_dataset
from shop.evaluation.offline import OFFLINE_MODEL, offline_llm
from shop.evaluation.report import evaluate
from shop.helpcentre import HelpDesk

DAY = Path(__file__).resolve().parents[1]


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
def cases():
    return load_dataset(DAY / "evals" / "dataset.jsonl")


@pytest.fixture
def offline():
    """The fake provider the gate uses offline, playing both the assistant and the judge."""
    return offline_llm()


@pytest.fixture
def run_offline():
    """Evaluate `cases` with `fake` as both the assistant's and the judge's provider."""

    def run(fake: FakeLLM, cases):
        client = fake.client()
        return evaluate(HelpDesk(client, OFFLINE_MODEL), client, OFFLINE_MODEL, cases)

    return run
