"""The same pipeline against a real provider (BEC_LIVE=1; LLM_PROVIDER, LLM_BASE_URL,
LLM_MODEL, LLM_API_KEY as on day 41)."""

from __future__ import annotations

import os

import pytest

from shop.config import build_client, settings_from_env
from shop.llm import ChatGateway
from shop.rag import answer


@pytest.mark.live
def test_real_model_answers_from_the_help_centre_and_cites_retrieved_chunks(help_centre):
    settings = settings_from_env(os.environ)
    gateway = ChatGateway(lambda: build_client(settings), settings)

    result = answer("How long do card refunds take?", help_centre(), gateway)

    assert result.model_called
    assert result.text.strip()
    # Real models do not always cite; when they do, only what they were shown may stay.
    assert set(result.citations) <= {hit.chunk.id for hit in result.hits}


@pytest.mark.live
def test_real_provider_is_not_called_for_an_off_topic_question(help_centre):
    settings = settings_from_env(os.environ)
    calls = []
    gateway = ChatGateway(lambda: calls.append(1) or build_client(settings), settings)

    result = answer("What is the capital of Peru?", help_centre(), gateway)

    assert not result.model_called and calls == []
