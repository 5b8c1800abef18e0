"""The prompt stays within its token budget, giving up the right things first."""

from __future__ import annotations

import json

from fakellm import count_message_tokens
from shop import tokens
from shop.prompts import EXAMPLES, SYSTEM_PROMPT, build_messages
from shop.triage import TRUNCATED, Budget, fit_budget, triage

GOOD = json.dumps({"category": "other", "urgency": 1, "summary": "A question.", "order_id": None})
SHORT = "Do you ship to Norway?"


def test_everything_kept_when_it_fits():
    assert fit_budget(SHORT, EXAMPLES, Budget(max_prompt_tokens=2000)) == build_messages(
        SHORT, EXAMPLES
    )


def test_examples_go_first_from_the_last_one_back():
    full = tokens.count_messages(build_messages(SHORT, EXAMPLES))
    two = tokens.count_messages(build_messages(SHORT, EXAMPLES[:2]))
    assert two < full

    messages = fit_budget(SHORT, EXAMPLES, Budget(max_prompt_tokens=full - 1))

    assert messages == build_messages(SHORT, EXAMPLES[:2])  # the ticket is untouched


def test_long_ticket_is_cut_at_its_end_inside_the_fence():
    ticket = "My order 77 is late. " + "I have been waiting and waiting. " * 300
    budget = Budget(max_prompt_tokens=300)

    messages = fit_budget(ticket, EXAMPLES, budget)

    assert tokens.count_messages(messages) <= 300
    assert [m["role"] for m in messages] == ["system", "user"]
    assert messages[0]["content"] == SYSTEM_PROMPT
    fenced = messages[1]["content"]
    assert fenced.startswith("<ticket>\nMy order 77 is late.")
    assert fenced.endswith(TRUNCATED + "\n</ticket>")
    # Cut close to the budget, not far below it.
    assert tokens.count_messages(messages) > 250


def test_provider_counts_the_same_prompt_within_budget(llm, client):
    ticket = "Where is order 12? " * 400
    llm.reply(GOOD)

    triage(client, "m", ticket, budget=Budget(max_prompt_tokens=500))

    sent = llm.requests[0]["messages"]
    assert count_message_tokens(sent) <= 500  # what the provider will bill as prompt_tokens
