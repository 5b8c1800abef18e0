"""Triage against a real provider (BEC_LIVE=1; LLM_PROVIDER, LLM_BASE_URL... as on day 41)."""

from __future__ import annotations

import os

import pytest

from shop.config import build_client, settings_from_env
from shop.triage import triage


@pytest.mark.live
def test_real_model_returns_a_valid_triage():
    settings = settings_from_env(os.environ)
    result = triage(
        build_client(settings),
        settings.model,
        "Order 4410 arrived with the screen cracked. I need a replacement before Friday.",
    )
    assert result.calls in (1, 2)
    assert result.triage.category in ("delivery", "refund", "product")
    assert result.triage.order_id == 4410
