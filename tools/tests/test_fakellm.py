"""The course's fake LLM (templates/shared/fakellm) behaves like an OpenAI-compatible provider.

Days 41 and later grade their plumbing against it with the real `openai` SDK, so its answers must
parse in the SDK exactly as a provider's would: completions, tool calls, SSE streams with a usage
chunk, and the errors the SDK turns into its exception types.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from pathlib import Path

import openai
import pytest

SHARED = Path(__file__).resolve().parents[2] / "templates" / "shared"


def _import_fakellm():
    sys.path.insert(0, str(SHARED))
    try:
        return importlib.import_module("fakellm")
    finally:
        sys.path.remove(str(SHARED))


fakellm = _import_fakellm()


def ask(client, text: str, **kwargs):
    return client.chat.completions.create(
        model="shop-model", messages=[{"role": "user", "content": text}], **kwargs
    )


def test_records_every_request_body_and_header():
    llm = fakellm.FakeLLM(default="ok")
    client = llm.client(timeout=7.5)
    ask(client, "first", temperature=0.2)
    ask(client, "second")

    assert [call.number for call in llm.calls] == [1, 2]
    assert llm.requests[0]["messages"] == [{"role": "user", "content": "first"}]
    assert llm.requests[0]["temperature"] == 0.2
    assert llm.requests[1]["model"] == "shop-model"
    assert llm.calls[0].path == "/v1/chat/completions"
    assert llm.calls[0].url == "http://fake-llm/v1/chat/completions"
    assert llm.calls[0].headers["authorization"] == "Bearer test"
    assert llm.calls[0].timeout["read"] == 7.5


def test_queued_replies_come_first_then_rules_on_the_last_user_message():
    llm = fakellm.FakeLLM()
    llm.when("refund", "Refunds take five days.")
    llm.when(r"\border\b", "Your order ships tomorrow.")
    llm.reply("Queued answer.")
    client = llm.client()

    assert ask(client, "a refund please").choices[0].message.content == "Queued answer."
    assert ask(client, "a REFUND please").choices[0].message.content == "Refunds take five days."
    assert ask(client, "my order?").choices[0].message.content == "Your order ships tomorrow."


def test_rule_with_a_count_stops_matching_after_that_many_calls():
    llm = fakellm.FakeLLM(default="fallback")
    llm.when("hi", "once", times=1)
    client = llm.client()
    assert ask(client, "hi").choices[0].message.content == "once"
    assert ask(client, "hi").choices[0].message.content == "fallback"


def test_unscripted_call_is_a_server_error_naming_the_call():
    llm = fakellm.FakeLLM()
    with pytest.raises(openai.InternalServerError, match="no scripted reply for call 1"):
        ask(llm.client(), "hello?")
    assert llm.calls[0].answered == "unscripted"


def test_usage_counts_cl100k_tokens_of_prompt_and_reply():
    llm = fakellm.FakeLLM(default="Your parcel left the warehouse today.")
    answer = ask(llm.client(), "Where is my parcel?")

    messages = [{"role": "user", "content": "Where is my parcel?"}]
    # 3 priming + 3 per message + "user" (1 token) + the question's tokens
    assert answer.usage.prompt_tokens == 3 + 3 + 1 + fakellm.count_tokens("Where is my parcel?")
    assert answer.usage.prompt_tokens == fakellm.count_message_tokens(messages)
    assert answer.usage.completion_tokens == fakellm.count_tokens(
        "Your parcel left the warehouse today."
    )
    assert answer.usage.total_tokens == answer.usage.prompt_tokens + answer.usage.completion_tokens


def test_tokenizer_is_cl100k_and_works_without_network():
    # Known cl100k_base ids: a vocabulary mix-up (gpt2, o200k) would give other numbers.
    assert fakellm.tokens.encoding().encode("hello world") == [15339, 1917]
    assert fakellm.split_tokens("naïve café ☕ ok") and "".join(
        fakellm.split_tokens("naïve café ☕ ok")
    ) == ("naïve café ☕ ok")


def test_tool_call_round_trip():
    llm = fakellm.FakeLLM()
    llm.reply(fakellm.ToolCall("get_order", {"order_id": 7}))
    llm.when(lambda body: body["messages"][-1]["role"] == "tool", "Order 7 shipped on Monday.")
    client = llm.client()
    messages = [{"role": "user", "content": "Where is order 7?"}]

    first = client.chat.completions.create(model="m", messages=messages)
    assert first.choices[0].finish_reason == "tool_calls"
    call = first.choices[0].message.tool_calls[0]
    assert call.function.name == "get_order"
    assert json.loads(call.function.arguments) == {"order_id": 7}

    messages.append(first.choices[0].message.model_dump(exclude_none=True))
    messages.append({"role": "tool", "tool_call_id": call.id, "content": '{"status": "shipped"}'})
    second = client.chat.completions.create(model="m", messages=messages)

    assert second.choices[0].message.content == "Order 7 shipped on Monday."
    assert llm.requests[1]["messages"][1]["tool_calls"][0]["id"] == call.id
    assert llm.requests[1]["messages"][2]["tool_call_id"] == call.id


def test_stream_sends_token_chunks_then_a_usage_chunk_when_asked():
    llm = fakellm.FakeLLM(default="Refunds take five days.")
    chunks = list(ask(llm.client(), "refund?", stream=True, stream_options={"include_usage": True}))

    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Refunds take five days."
    content_chunks = [c for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(content_chunks) == fakellm.count_tokens("Refunds take five days.")
    assert chunks[-1].choices == []
    assert chunks[-1].usage.completion_tokens == fakellm.count_tokens("Refunds take five days.")
    assert all(c.usage is None for c in chunks[:-1])


def test_stream_without_include_usage_has_no_usage_chunk():
    llm = fakellm.FakeLLM(default="Hello there.")
    chunks = list(ask(llm.client(), "hi", stream=True))
    assert all(c.usage is None for c in chunks)
    assert all(c.choices for c in chunks)


def test_streamed_tool_call_is_assembled_by_the_sdk():
    llm = fakellm.FakeLLM(default=fakellm.ToolCall("get_order", {"order_id": 3}, id="call_x"))
    chunks = list(ask(llm.client(), "order 3", stream=True))
    calls = [tc for c in chunks if c.choices for tc in (c.choices[0].delta.tool_calls or [])]
    assert calls[0].id == "call_x"
    assert json.loads(calls[0].function.arguments) == {"order_id": 3}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


def test_faults_on_chosen_calls_become_the_sdk_errors():
    llm = fakellm.FakeLLM(default="fine")
    llm.inject(fakellm.rate_limited(retry_after=3), calls=[1])
    llm.inject(fakellm.server_error(), calls=[2])
    llm.inject(fakellm.timeout(), calls=[3])
    llm.inject(fakellm.bad_request("messages is empty"), calls=[4])
    client = llm.client()

    with pytest.raises(openai.RateLimitError) as limited:
        ask(client, "1")
    assert limited.value.response.headers["retry-after"] == "3"
    with pytest.raises(openai.InternalServerError):
        ask(client, "2")
    with pytest.raises(openai.APITimeoutError):
        ask(client, "3")
    with pytest.raises(openai.BadRequestError, match="messages is empty"):
        ask(client, "4")
    assert ask(client, "5").choices[0].message.content == "fine"
    assert [c.answered for c in llm.calls] == [
        "fault 429",
        "fault 500",
        "timeout",
        "fault 400",
        "reply",
    ]


def test_fault_on_every_call():
    llm = fakellm.FakeLLM(default="never")
    llm.inject(fakellm.server_error(503))
    client = llm.client()
    for _ in range(3):
        with pytest.raises(openai.InternalServerError):
            ask(client, "x")
    assert len(llm.calls) == 3


def test_client_turns_sdk_retries_off_unless_asked():
    llm = fakellm.FakeLLM(default="never")
    llm.inject(fakellm.server_error())
    with pytest.raises(openai.InternalServerError):
        ask(llm.client(), "x")
    assert len(llm.calls) == 1


def test_async_client_gets_the_same_answers():
    llm = fakellm.FakeLLM(default="Async hello.")

    async def go():
        client = llm.async_client()
        answer = await ask_async(client)
        stream = await client.chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": "hi"}],
            stream=True,
            stream_options={"include_usage": True},
        )
        pieces = [c async for c in stream]
        return answer, pieces

    async def ask_async(client):
        return await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hi"}]
        )

    answer, pieces = asyncio.run(go())
    assert answer.choices[0].message.content == "Async hello."
    assert "".join(c.choices[0].delta.content or "" for c in pieces if c.choices) == "Async hello."
    assert pieces[-1].usage.total_tokens == answer.usage.total_tokens


def test_unknown_path_is_404():
    llm = fakellm.FakeLLM(default="x")
    with pytest.raises(openai.NotFoundError):
        llm.client().embeddings.create(model="m", input="hello")


def test_a_callable_reply_is_worked_out_from_the_request():
    llm = fakellm.FakeLLM()
    llm.when("echo", lambda body: body["messages"][-1]["content"].upper())
    assert ask(llm.client(), "echo me").choices[0].message.content == "ECHO ME"


def test_extractive_quotes_and_cites_the_best_matching_context_sentence():
    llm = fakellm.FakeLLM(default=fakellm.extractive())
    prompt = (
        "Sources:\n"
        "[returns-1] Unopened items can be returned within 30 days. Refunds go to the card.\n"
        "[shipping-2] Standard shipping takes three to five working days.\n"
        "Question: How long does standard shipping take?"
    )
    answer = ask(llm.client(), prompt).choices[0].message.content
    assert answer == "Standard shipping takes three to five working days. [shipping-2]"


def test_extractive_says_it_does_not_know_without_a_matching_source():
    llm = fakellm.FakeLLM(default=fakellm.extractive())
    with_unrelated = "[returns-1] Unopened items can be returned.\nQuestion: Who won the cup?"
    assert ask(llm.client(), with_unrelated).choices[0].message.content == fakellm.DONT_KNOW
    assert ask(llm.client(), "Who won the cup?").choices[0].message.content == fakellm.DONT_KNOW


def test_extractive_reads_sources_from_a_system_message_too():
    llm = fakellm.FakeLLM(default=fakellm.extractive())
    client = llm.client()
    answer = client.chat.completions.create(
        model="m",
        messages=[
            {
                "role": "system",
                "content": "Answer from these sources.\n[faq-7] Passwords reset by email.",
            },
            {"role": "user", "content": "How do I reset my passwords?"},
        ],
    )
    assert answer.choices[0].message.content == "Passwords reset by email. [faq-7]"
