"""Tokens and cost per request, from the usage the provider reported."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fakellm import count_message_tokens
from shop.evaluation.cost import request_cost
from shop.llm import Usage
from shop.pricing import PRICES, Price, UnknownPrice


def test_cost_is_exact_decimal_tokens_times_price_per_million():
    # 161 x 0.15 + 25 x 0.60 = 39.15 micro-dollars; in floats this is 3.9149999999999996e-05.
    cost = request_cost(Usage(161, 25), "gpt-4o-mini", PRICES)
    assert isinstance(cost, Decimal)
    assert cost == Decimal("0.00003915")


def test_cost_uses_the_table_it_is_given():
    prices = {"house-model": Price(Decimal("1.10"), Decimal("3.30"))}
    assert request_cost(Usage(333, 17), "house-model", prices) == Decimal("0.0004224")


def test_a_model_without_a_price_is_an_error_not_free():
    with pytest.raises(UnknownPrice):
        request_cost(Usage(10, 10), "gpt-9-ultra", PRICES)


def test_each_request_row_carries_the_tokens_the_provider_reported(offline, cases, run_offline):
    report = run_offline(offline, cases[:3])

    assert [row.purpose for row in report.requests] == ["answer", "judge"] * 3
    reported = [row.prompt_tokens for row in report.requests]
    assert reported == [count_message_tokens(body["messages"]) for body in offline.requests]
    for row in report.requests:
        expected = (
            row.prompt_tokens * Decimal("0.15") + row.completion_tokens * Decimal("0.60")
        ) / Decimal(1_000_000)
        assert row.cost == expected
