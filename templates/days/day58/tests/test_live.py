"""The same answerer against a real provider or a local Ollama (BEC_LIVE=1, see the lab sheet)."""

from __future__ import annotations

import os

import pytest
from openai import OpenAI

from knowledgecloud.cost.answerer import Answerer
from knowledgecloud.cost.cache import SemanticCache

pytestmark = pytest.mark.live


def test_a_real_model_answers_once_and_the_paraphrase_comes_from_the_cache():
    client = OpenAI(
        base_url=os.environ.get("LLM_BASE_URL", "http://127.0.0.1:11434/v1"),
        api_key=os.environ.get("LLM_API_KEY", "ollama"),
    )
    model = os.environ.get("LLM_MODEL", "llama3.2")
    answerer = Answerer(client, SemanticCache(), route=lambda question: model)

    first = answerer.answer("acme", "How do I reset my password?")
    again = answerer.answer("acme", "How can I reset the password of my account?")

    assert first and again == first
    assert [s.cached for s in answerer.served] == [False, True]
    assert answerer.served[0].prompt_tokens > 0, "the provider reported no usage"
