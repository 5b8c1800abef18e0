"""The same memories with a real model (BEC_LIVE=1, provider settings from the environment)."""

from __future__ import annotations

import os

import pytest

from shop.assistant import Assistant
from shop.config import build_client, settings_from_env
from shop.long_term import MemoryStore


@pytest.mark.live
def test_real_model_summarises_within_budget_and_uses_the_recalled_fact(tmp_path):
    settings = settings_from_env(os.environ)
    store = MemoryStore(tmp_path / "memory.db")
    assistant = Assistant(build_client(settings), settings.model, store, budget=400)
    try:
        assistant.remember("ada", "I am allergic to peanuts")
        for n in range(1, 6):
            assistant.chat("ada", f"Order 10{n}: when will it arrive? Please answer in a sentence.")
            assert assistant.window("ada").tokens() <= 400
        assert assistant.window("ada").summary  # the early turns went into a summary

        reply = assistant.chat("ada", "Does this chocolate bar contain nuts? I have an allergy.")
        assert [m.text for m in assistant.recalled] == ["I am allergic to peanuts"]
        assert reply.strip()
    finally:
        store.close()
