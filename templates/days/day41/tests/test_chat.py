"""POST /chat: what is sent to the provider, what is answered, what is recorded."""

from __future__ import annotations

import logging
from decimal import Decimal

from conftest import SECRET_KEY

from fakellm import bad_request, count_message_tokens, count_tokens, rate_limited
from shop.app import SYSTEM_PROMPT

REPLY = "Refunds reach your card within five working days."


def test_request_body_has_system_prompt_user_message_model_and_output_cap(shop, llm):
    llm.reply(REPLY)
    assert shop.post("/chat", json={"message": "When do I get my refund?"}).status_code == 200

    body = llm.requests[0]
    assert body["model"] == "gpt-4o-mini"
    assert body["messages"] == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "When do I get my refund?"},
    ]
    assert body["max_tokens"] == 400
    assert "stream" not in body


def test_reply_and_usage_come_back_and_are_stored(shop, llm, usage_log):
    llm.reply(REPLY)
    answer = shop.post("/chat", json={"message": "When do I get my refund?"}).json()

    prompt = count_message_tokens(llm.requests[0]["messages"])
    completion = count_tokens(REPLY)
    assert answer["reply"] == REPLY
    assert answer["usage"]["prompt_tokens"] == prompt
    assert answer["usage"]["completion_tokens"] == completion

    stored = usage_log.get(answer["request_id"])
    assert stored is not None
    assert (stored.prompt_tokens, stored.completion_tokens) == (prompt, completion)
    assert (stored.provider, stored.model, stored.streamed, stored.attempts) == (
        "openai",
        "gpt-4o-mini",
        False,
        1,
    )
    expected = (prompt * Decimal("0.15") + completion * Decimal("0.60")) / 1_000_000
    assert stored.cost == expected
    assert Decimal(answer["usage"]["cost"]) == expected


def test_each_request_gets_its_own_usage_row_and_the_total_adds_up(shop, llm):
    llm.reply("One.", "Two, a little longer.")
    first = shop.post("/chat", json={"message": "a"}).json()
    second = shop.post("/chat", json={"message": "b"}).json()
    assert first["request_id"] != second["request_id"]

    report = shop.get("/usage").json()
    assert [r["request_id"] for r in report["requests"]] == [
        first["request_id"],
        second["request_id"],
    ]
    assert Decimal(report["total_cost"]) == Decimal(first["usage"]["cost"]) + Decimal(
        second["usage"]["cost"]
    )
    assert (
        shop.get(f"/usage/{first['request_id']}").json()["prompt_tokens"]
        == (first["usage"]["prompt_tokens"])
    )


def test_rejected_request_is_a_502_and_is_not_retried(shop, llm, sleeps):
    llm.inject(bad_request("max_tokens is too large"), calls=[1])
    llm.reply("never sent")

    response = shop.post("/chat", json={"message": "hello"})

    assert response.status_code == 502
    assert len(llm.calls) == 1
    assert sleeps.delays == []


def test_api_key_is_sent_to_the_provider_but_never_logged_or_returned(shop, llm, caplog):
    caplog.set_level(logging.DEBUG)
    llm.reply("Hello!")
    llm.inject(rate_limited(retry_after=1), calls=[2, 3, 4])
    llm.inject(bad_request(), calls=[5])

    answers = [
        shop.post("/chat", json={"message": "hi"}),
        shop.post("/chat", json={"message": "busy?"}),
        shop.post("/chat", json={"message": "bad"}),
        shop.get("/chat/provider"),
        shop.get("/usage"),
    ]

    assert llm.calls[0].headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert [a.status_code for a in answers] == [200, 503, 502, 200, 200]
    for answer in answers:
        assert SECRET_KEY not in answer.text
        assert SECRET_KEY not in str(answer.headers)
    assert shop.get("/chat/provider").json() == {
        "provider": "openai",
        "base_url": "http://fake-llm/v1",
        "model": "gpt-4o-mini",
    }
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "attempt" in logged  # the gateway does log its calls...
    assert SECRET_KEY not in logged  # ...but never the key
