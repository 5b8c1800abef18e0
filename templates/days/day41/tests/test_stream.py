"""stream=true: pieces relayed as they come, usage recorded at the end."""

from __future__ import annotations

from decimal import Decimal

from conftest import sse_data, sse_deltas

from fakellm import count_message_tokens, count_tokens, rate_limited, split_tokens

REPLY = "Your order 1042 left the warehouse this morning and should arrive on Thursday."


def test_stream_request_asks_for_usage(shop, llm):
    llm.reply(REPLY)
    shop.post("/chat", json={"message": "Where is order 1042?", "stream": True})

    body = llm.requests[0]
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}


def test_every_chunk_is_relayed_in_order_as_its_own_event(shop, llm):
    llm.reply(REPLY)
    response = shop.post("/chat", json={"message": "Where is order 1042?", "stream": True})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    # One event per chunk from the provider: relayed as they arrive, not gathered first.
    assert sse_deltas(response.text) == split_tokens(REPLY)
    assert sse_data(response.text)[-1] == "[DONE]"


def test_streamed_usage_is_stored(shop, llm, usage_log):
    llm.reply(REPLY)
    response = shop.post("/chat", json={"message": "Where is order 1042?", "stream": True})

    records = usage_log.all()
    assert len(records) == 1
    stored = records[0]
    assert stored.streamed is True
    assert stored.prompt_tokens == count_message_tokens(llm.requests[0]["messages"])
    assert stored.completion_tokens == count_tokens(REPLY)
    assert (
        stored.cost
        == (stored.prompt_tokens * Decimal("0.15") + stored.completion_tokens * Decimal("0.60"))
        / 1_000_000
    )
    assert f'"request_id": "{stored.request_id}"' in response.text


def test_stream_is_retried_until_the_provider_accepts_it(shop, llm, sleeps, usage_log):
    llm.inject(rate_limited(retry_after=2), calls=[1])
    llm.reply(REPLY)

    response = shop.post("/chat", json={"message": "Where is order 1042?", "stream": True})

    assert response.status_code == 200
    assert "".join(sse_deltas(response.text)) == REPLY
    assert sleeps.delays == [2.0]
    assert usage_log.all()[0].attempts == 2


def test_stream_that_never_opens_is_a_503_not_a_broken_stream(shop, llm, usage_log):
    llm.inject(rate_limited(retry_after=1))

    response = shop.post("/chat", json={"message": "hi", "stream": True})

    assert response.status_code == 503
    assert len(llm.calls) == 3
    assert usage_log.all() == []
