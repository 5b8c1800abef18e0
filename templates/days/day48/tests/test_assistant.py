"""Both memories in the assistant: the right facts in the prompt, every request within budget."""

from __future__ import annotations

import pytest

from fakellm import count_message_tokens
from shop.assistant import SYSTEM_PROMPT, Assistant
from shop.short_term import CONTEXT_PREFIX, SUMMARY_PREFIX
from tests.conftest import chat_requests, summary_requests


@pytest.fixture
def assistant(llm, store, summarizer):
    return Assistant(llm.client(), "fake-model", store, budget=220, summarize=summarizer)


def context_of(body: dict) -> str | None:
    for message in body["messages"]:
        if message["role"] == "system" and message["content"].startswith(CONTEXT_PREFIX):
            return message["content"]
    return None


def test_the_customers_own_relevant_fact_is_in_the_prompt(assistant, llm):
    assistant.remember("ada", "I am allergic to peanuts")
    assistant.remember("ada", "My cat is called Miso")
    assistant.remember("alan", "I am allergic to peanuts and to shellfish")

    assistant.chat("ada", "Does this chocolate bar contain nuts? I have an allergy.")

    context = context_of(chat_requests(llm)[-1])
    assert context is not None
    assert "I am allergic to peanuts" in context
    assert "shellfish" not in context and "Miso" not in context


def test_a_question_with_nothing_relevant_gets_no_context(assistant, llm):
    assistant.remember("ada", "I am allergic to peanuts")
    assistant.chat("ada", "Which size of running shoes should I order?")
    assert context_of(chat_requests(llm)[-1]) is None


def test_conversations_do_not_mix_between_customers(assistant, llm):
    assistant.chat("ada", "My order 101 is late.")
    assistant.chat("alan", "Hello, a question about returns.")
    sent = chat_requests(llm)[-1]["messages"]
    assert "My order 101 is late." not in str(sent)
    assert sent[0] == {"role": "system", "content": SYSTEM_PROMPT}


def test_a_long_conversation_stays_within_budget_as_the_provider_counts_it(assistant, llm):
    assistant.remember("ada", "Please deliver parcels to my office, not my home")
    for n in range(1, 13):
        assistant.chat("ada", f"Message {n}: where should the delivery of order 10{n} go?")
    chats = chat_requests(llm)
    assert len(chats) == 12
    for body in chats:
        assert count_message_tokens(body["messages"]) <= 220
        assert body["messages"][0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert summary_requests(llm)  # the early turns were folded into the summary
    assert chats[-1]["messages"][1]["content"].startswith(SUMMARY_PREFIX)
    assert "Message 12" in chats[-1]["messages"][-1]["content"]
