"""The window keeps every request inside its token budget by summarising the oldest exchanges."""

from __future__ import annotations

import pytest

from fakellm import count_message_tokens
from shop.short_term import (
    CONTEXT_PREFIX,
    SUMMARIZER_PROMPT,
    SUMMARY_PREFIX,
    ConversationWindow,
    OverBudget,
)
from shop.tokens import count_messages
from tests.conftest import summary_requests

SYSTEM = "You are the shop's support assistant."


def exchange(n: int) -> list[tuple[str, str]]:
    """A user turn and its reply, the same size for every n from 1 to 9."""
    return [
        ("user", f"Question {n}: where is my parcel for order 10{n}? It has been a week."),
        ("assistant", f"Answer {n}: order 10{n} left the warehouse yesterday and is on its way."),
    ]


def as_messages(turns: list[tuple[str, str]]) -> list[dict]:
    return [{"role": role, "content": content} for role, content in turns]


def test_a_conversation_that_fits_is_sent_whole_and_nothing_is_summarised(summarizer, llm):
    window = ConversationWindow(SYSTEM, budget=1000, summarize=summarizer)
    turns = [turn for n in range(1, 6) for turn in exchange(n)]  # 10 short messages
    for role, content in turns:
        window.add(role, content)
    assert window.messages() == [{"role": "system", "content": SYSTEM}, *as_messages(turns)]
    assert window.tokens() <= 1000
    assert llm.requests == []


def test_the_oldest_exchanges_are_summarised_until_the_request_fits_exactly(summarizer, llm):
    kept = as_messages(exchange(3) + exchange(4))
    summary_message = {
        "role": "system",
        "content": SUMMARY_PREFIX + "Summary 2: the customer asked about orders.",
    }
    budget = count_messages([{"role": "system", "content": SYSTEM}, summary_message, *kept])
    window = ConversationWindow(SYSTEM, budget=budget, summarize=summarizer)

    for n in range(1, 5):
        for role, content in exchange(n):
            window.add(role, content)
            assert window.tokens() <= budget

    assert window.turns == kept  # exchanges 1 and 2 went, and not one turn more
    assert window.messages() == [{"role": "system", "content": SYSTEM}, summary_message, *kept]
    first, second = (body["messages"] for body in summary_requests(llm))
    assert first[0] == {"role": "system", "content": SUMMARIZER_PROMPT}
    assert "Question 1" in first[1]["content"] and "Answer 1" in first[1]["content"]
    assert "Question 2" not in first[1]["content"]
    # The second call folds exchange 2 into the first summary, not into nothing.
    assert "Summary 1: the customer asked about orders." in second[1]["content"]
    assert "Question 2" in second[1]["content"] and "Answer 2" in second[1]["content"]
    assert "Question 3" not in second[1]["content"]


def test_one_token_less_of_budget_summarises_one_more_exchange(summarizer):
    kept = as_messages(exchange(3) + exchange(4))
    summary_message = {
        "role": "system",
        "content": SUMMARY_PREFIX + "Summary 2: the customer asked about orders.",
    }
    exact = count_messages([{"role": "system", "content": SYSTEM}, summary_message, *kept])
    window = ConversationWindow(SYSTEM, budget=exact - 1, summarize=summarizer)
    for n in range(1, 5):
        for role, content in exchange(n):
            window.add(role, content)
    assert window.turns == as_messages(exchange(4))
    assert window.tokens() <= exact - 1


def test_budget_is_counted_in_tokens_so_three_messages_can_be_too_many(summarizer, llm):
    report = "The courier's scanner log says: " + "parcel scanned at depot, " * 60
    window = ConversationWindow(SYSTEM, budget=500, summarize=summarizer)
    window.add("user", "Here is the tracking log. " + report)
    window.add("assistant", "Thanks, I am reading it: " + report)
    window.add("user", "So when will it arrive?")
    assert window.tokens() <= 500
    assert window.turns[-1] == {"role": "user", "content": "So when will it arrive?"}
    assert len(window.turns) == 2
    [request] = summary_requests(llm)
    assert "Here is the tracking log." in request["messages"][1]["content"]


def test_the_system_prompt_stays_first_and_the_summary_second(summarizer):
    window = ConversationWindow(SYSTEM, budget=150, summarize=summarizer)
    for n in range(1, 8):
        for role, content in exchange(n):
            window.add(role, content)
            messages = window.messages()
            assert messages[0] == {"role": "system", "content": SYSTEM}
            if window.summary:
                assert messages[1]["content"].startswith(SUMMARY_PREFIX)
                assert [m["role"] for m in messages[2:]].count("system") == 0
    assert window.summary.startswith("Summary ")


def test_recalled_context_counts_against_the_budget(summarizer, llm):
    window = ConversationWindow(SYSTEM, budget=150, summarize=summarizer)
    for role, content in exchange(1) + exchange(2):
        window.add(role, content)
    assert summary_requests(llm) == []
    window.set_context("- Prefers deliveries to the office. " * 6)
    assert window.tokens() <= 150
    assert window.messages()[-len(window.turns) - 1]["content"].startswith(CONTEXT_PREFIX)
    assert len(summary_requests(llm)) >= 1


def test_a_single_turn_larger_than_the_budget_is_refused(summarizer):
    window = ConversationWindow(SYSTEM, budget=60, summarize=summarizer)
    with pytest.raises(OverBudget):
        window.add("user", "Please read this. " + "Very long complaint. " * 50)


def test_the_count_is_the_one_the_provider_reports(summarizer):
    window = ConversationWindow(SYSTEM, budget=300, summarize=summarizer)
    for n in range(1, 6):
        for role, content in exchange(n):
            window.add(role, content)
    assert window.tokens() == count_message_tokens(window.messages())
    assert window.tokens() <= 300
