"""Cost per 1,000 requests, exact, from the usage the provider reported."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from fakellm import count_message_tokens, count_tokens
from knowledgecloud.cost.answerer import Answerer
from knowledgecloud.cost.pricing import PRICES, Served, cost_per_1k
from tests.conftest import reply_for

WORKLOAD = [
    ("acme", "How do I reset my password?"),
    ("acme", "How can I reset the password of my account?"),  # a paraphrase: cached
    ("globex", "How do I reset my password?"),  # another tenant: not cached
    ("acme", "Compare the Pro and Enterprise plans for a team of forty."),
    ("acme", "Which file types can I upload?"),
    ("acme", "Which file types can be uploaded?"),  # cached
    ("globex", "Why was my upload rejected?"),
    ("acme", "How do I reset my password?"),  # cached
]


def test_a_cache_hit_makes_no_model_call(llm, cache):
    answerer = Answerer(llm.client(), cache)

    first = answerer.answer("acme", "How do I reset my password?")
    again = answerer.answer("acme", "How can I reset the password of my account?")

    assert len(llm.requests) == 1, "the paraphrase called the model again"
    assert again == first
    assert [s.cached for s in answerer.served] == [False, True]


def test_cost_per_1k_is_exact_decimal_from_recorded_usage(llm, cache):
    answerer = Answerer(llm.client(), cache)
    for tenant, question in WORKLOAD:
        answerer.answer(tenant, question)

    assert len(llm.requests) == 5, "three of the eight requests are cache hits"
    expected_total = Decimal(0)
    for body in llm.requests:  # what the provider was really asked, priced independently
        price = PRICES[body["model"]]
        prompt = count_message_tokens(body["messages"])
        completion = count_tokens(reply_for(body))
        expected_total += prompt * price.prompt + completion * price.completion
    per_1k = expected_total / 1_000_000 * 1000 / len(WORKLOAD)
    expected = per_1k.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)

    result = cost_per_1k(answerer.served)
    assert isinstance(result, Decimal), f"money as {type(result).__name__}, not Decimal"
    assert result == expected


def test_cost_per_1k_of_hand_made_usage():
    served = [
        Served("acme", "q1", "a1", "gpt-4o-mini", 1000, 200),  # 0.00015 + 0.00012
        Served("acme", "q2", "a2", "gpt-4o", 2000, 500),  # 0.005 + 0.005
        Served("acme", "q3", "a3", None),
        Served("acme", "q4", "a4", None),
    ]
    # 0.01027 dollars for 4 requests: 2.5675 dollars per 1,000 requests.
    assert cost_per_1k(served) == Decimal("2.567500")
    assert isinstance(cost_per_1k(served), Decimal)
    # 3 requests: 3.42333... rounds to a millionth of a dollar.
    assert cost_per_1k(served[:3]) == Decimal("3.423333")


def test_cache_hits_count_as_requests_that_cost_nothing():
    call = Served("acme", "q", "a", "gpt-4o", 1000, 100)  # 0.0035 dollars
    hit = Served("acme", "q", "a", None)

    assert cost_per_1k([call]) == Decimal("3.500000")
    assert cost_per_1k([call, hit]) == Decimal("1.750000"), (
        "a request served from the cache is still a request: it halves the cost per request"
    )


def test_a_model_without_a_price_is_an_error_not_free():
    with pytest.raises(KeyError):
        cost_per_1k([Served("acme", "q", "a", "some-new-model", 10, 10)])
