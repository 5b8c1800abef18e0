"""The agent against a real model (BEC_LIVE=1; LLM_PROVIDER, LLM_BASE_URL... as on day 41).

A real model chooses its own tool calls, so this checks the protocol, not the prose: the model
asked for the calculator, the provider accepted our tool messages, and the answer holds the
number the tool computed.
"""

from __future__ import annotations

import os

import pytest

from shop.agent import ANSWERED, run_agent
from shop.config import build_client, settings_from_env


@pytest.mark.live
def test_real_model_uses_the_calculator_and_answers(toolbox):
    settings = settings_from_env(os.environ)
    result = run_agent(
        build_client(settings),
        settings.model,
        "Use the calculator: what is 1234.5 * 3 + 17?",
        toolbox,
        max_steps=4,
    )
    assert result.stop_reason == ANSWERED, result.detail
    tool_results = [m["content"] for m in result.messages if m["role"] == "tool"]
    assert "3720.5" in tool_results
    assert "3720.5" in (result.answer or "").replace(",", "")
