"""The advanced pipeline against a real provider (BEC_LIVE=1; LLM_PROVIDER, LLM_BASE_URL,
LLM_MODEL, LLM_API_KEY as on day 41)."""

from __future__ import annotations

import json
import os

import httpx
import pytest

from shop.advanced import HYDE_PROMPT, REWRITE_PROMPT, AdvancedRag
from shop.config import build_client, settings_from_env
from shop.llm import ChatGateway


@pytest.mark.live
def test_real_model_rewrites_writes_a_passage_and_answers_from_the_context(help_centre):
    settings = settings_from_env(os.environ)
    sent: list[dict] = []

    def record(request: httpx.Request) -> None:
        sent.append(json.loads(request.read()))

    http = httpx.Client(timeout=settings.timeout_seconds, event_hooks={"request": [record]})
    gateway = ChatGateway(lambda: build_client(settings, http_client=http), settings)
    history = [{"role": "user", "content": "I returned a jumper last week."}]

    result = AdvancedRag(help_centre(), gateway).answer("when do I get my money back?", history)

    systems = [body["messages"][0]["content"] for body in sent]
    assert systems[:2] == [REWRITE_PROMPT, HYDE_PROMPT]
    assert result.query.strip() and result.hypothetical.strip()
    assert any(chunk.doc_id in ("refunds", "returns") for chunk in result.candidates[:3])
    if result.answer.model_called:
        assert len(sent) == 3
        assert set(result.answer.citations) <= {hit.chunk.id for hit in result.context}
