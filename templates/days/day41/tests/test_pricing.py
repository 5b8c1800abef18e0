"""Cost from the price table, exact to the last digit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shop.pricing import UnknownPrice, cost


def test_cost_is_exact_decimal_per_million_tokens():
    # 1234 * 0.15 / 1e6 + 56 * 0.60 / 1e6 = 0.0001851 + 0.0000336
    result = cost("gpt-4o-mini", 1234, 56)
    assert isinstance(result, Decimal)
    assert result == Decimal("0.0002187")


def test_prompt_and_completion_tokens_have_their_own_prices():
    assert cost("gpt-4o", 1_000_000, 0) == Decimal("2.50")
    assert cost("gpt-4o", 0, 1_000_000) == Decimal("10.00")


def test_costs_add_up_without_drift():
    total = sum((cost("mistral-small-latest", 7, 3) for _ in range(1000)), Decimal(0))
    assert total == Decimal("0.0016")


def test_local_model_is_free_but_an_unknown_one_is_not_priced():
    assert cost("llama3.2", 5000, 5000) == 0
    with pytest.raises(UnknownPrice):
        cost("some-new-model", 10, 10)


def test_unpriced_model_is_recorded_with_unknown_cost(settings, llm, sleeps):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from shop.app import create_app

    unpriced = replace(settings, model="some-new-model")
    llm.reply("Hi.")
    with TestClient(create_app(unpriced, http_client=llm.http_client(), sleep=sleeps)) as shop:
        answer = shop.post("/chat", json={"message": "hi"}).json()
        assert answer["usage"]["cost"] is None
        assert shop.get("/usage").json()["total_cost"] == "0"
