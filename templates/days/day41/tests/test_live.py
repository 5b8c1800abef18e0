"""The same code against a real provider (BEC_LIVE=1, settings from the environment)."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient

from shop.app import create_app
from shop.config import settings_from_env


@pytest.mark.live
def test_real_provider_answers_and_usage_is_recorded():
    settings = settings_from_env(os.environ)
    with TestClient(create_app(settings)) as shop:
        answer = shop.post("/chat", json={"message": "In one sentence: how do I return an item?"})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["reply"].strip()
        assert body["usage"]["prompt_tokens"] > 0
        assert body["usage"]["completion_tokens"] > 0

        streamed = shop.post("/chat", json={"message": "Say hello.", "stream": True})
        assert streamed.status_code == 200
        assert "[DONE]" in streamed.text
        assert any(r["streamed"] for r in shop.get("/usage").json()["requests"])
