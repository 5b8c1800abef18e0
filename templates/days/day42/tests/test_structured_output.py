"""JSON Schema output, and exactly one repair when the answer does not fit it."""

from __future__ import annotations

import json

import pytest

from shop.prompts import EXAMPLES, build_messages
from shop.triage import REPAIR_PROMPT, TriageFailed, triage
from shop.triage_schema import TicketTriage

TICKET = "The lamp from order 3301 never turned on. I want a refund please."
GOOD = {
    "category": "refund",
    "urgency": 2,
    "summary": "The lamp from order 3301 does not work; the customer wants a refund.",
    "order_id": 3301,
}


def test_request_asks_for_the_models_json_schema_strictly(llm, client):
    llm.reply(json.dumps(GOOD))
    triage(client, "gpt-4o-mini", TICKET)

    body = llm.requests[0]
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "name": "ticket_triage",
            "strict": True,
            "schema": TicketTriage.model_json_schema(),
        },
    }
    assert body["response_format"]["json_schema"]["schema"]["additionalProperties"] is False
    assert body["temperature"] == 0
    assert body["max_tokens"] == 200
    assert body["model"] == "gpt-4o-mini"
    assert body["messages"] == build_messages(TICKET, EXAMPLES)


def test_valid_answer_needs_one_call(llm, client):
    llm.reply(json.dumps(GOOD))
    result = triage(client, "m", TICKET)
    assert result.triage == TicketTriage(**GOOD)
    assert result.calls == 1
    assert len(llm.calls) == 1


def test_invalid_json_gets_exactly_one_repair_call_with_the_bad_answer_and_errors(llm, client):
    bad = 'Sure! Here is the triage: {"category": "refund", "urgency": 2,}'
    llm.reply(bad, json.dumps(GOOD))

    result = triage(client, "m", TICKET)

    assert result.triage.order_id == 3301
    assert result.calls == 2
    assert len(llm.calls) == 2
    first, second = llm.requests
    assert second["messages"][: len(first["messages"])] == first["messages"]
    assistant, repair = second["messages"][len(first["messages"]) :]
    assert assistant == {"role": "assistant", "content": bad}
    assert repair["role"] == "user"
    assert repair["content"].startswith(REPAIR_PROMPT.split("{errors}")[0])
    assert "Invalid JSON" in repair["content"]  # the validation error, for the model to fix
    assert second["response_format"] == first["response_format"]


def test_answer_outside_the_schema_is_repaired_too(llm, client):
    out_of_range = dict(GOOD, urgency=9)
    llm.reply(json.dumps(out_of_range), json.dumps(GOOD))

    result = triage(client, "m", TICKET)

    assert result.calls == 2
    assert "urgency" in llm.requests[1]["messages"][-1]["content"]


def test_still_invalid_after_the_repair_fails_without_a_third_call(llm, client):
    llm.reply("not json", "still not json", json.dumps(GOOD))

    with pytest.raises(TriageFailed):
        triage(client, "m", TICKET)

    assert len(llm.calls) == 2
