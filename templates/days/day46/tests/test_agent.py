"""The ReAct loop against scripted tool calls; the recorded requests are the proof."""

from __future__ import annotations

import json

from fakellm import ToolCall
from shop.agent import ANSWERED, MAX_STEPS, SYSTEM_PROMPT, run_agent
from shop.tools import ERROR_PREFIX

QUESTION = "I want three lamps at 19.99 each. What is the total?"


def tool_messages(body):
    return [m for m in body["messages"] if m["role"] == "tool"]


def test_first_request_offers_the_tools_and_asks_the_question(llm, client, toolbox):
    llm.reply("Hello!")

    run_agent(client, "gpt-4o-mini", QUESTION, toolbox)

    body = llm.requests[0]
    assert body["model"] == "gpt-4o-mini"
    assert body["temperature"] == 0
    assert body["tools"] == toolbox.schemas()
    assert [tool["type"] for tool in body["tools"]] == ["function", "function"]
    assert [tool["function"]["name"] for tool in body["tools"]] == ["calculator", "date"]
    assert body["messages"] == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": QUESTION},
    ]


def test_a_plain_reply_is_the_final_answer_in_one_step(llm, client, toolbox):
    llm.reply("Hello! How can I help?")
    result = run_agent(client, "m", "hi", toolbox)
    assert result.stop_reason == ANSWERED
    assert result.answer == "Hello! How can I help?"
    assert result.steps == 1
    assert len(llm.calls) == 1


def test_tool_call_then_tool_message_with_its_id_then_the_answer(llm, client, toolbox):
    llm.reply(
        ToolCall("calculator", {"expression": "3 * 19.99"}, id="call_total"),
        "Three lamps cost 59.97.",
    )

    result = run_agent(client, "m", QUESTION, toolbox)

    assert result.stop_reason == ANSWERED
    assert result.answer == "Three lamps cost 59.97."
    assert result.steps == 2
    assert len(llm.calls) == 2
    first, second = llm.requests
    # The second request is the first one's conversation plus exactly two messages:
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "tool"]
    assert second["messages"][:2] == first["messages"]
    assistant, tool = second["messages"][2:]
    assert assistant["role"] == "assistant"
    assert assistant["tool_calls"] == [
        {
            "id": "call_total",
            "type": "function",
            "function": {
                "name": "calculator",
                "arguments": json.dumps({"expression": "3 * 19.99"}),
            },
        }
    ]
    assert tool == {"role": "tool", "tool_call_id": "call_total", "content": "59.97"}
    assert second["tools"] == first["tools"]


def test_several_calls_in_one_turn_get_one_answer_each_in_order(llm, client, toolbox):
    llm.reply(
        [
            ToolCall("date", {"days_from_today": 5}, id="call_a"),
            ToolCall("calculator", {"expression": "2 * 24.5"}, id="call_b"),
        ],
        "It arrives on Wednesday 4 March and costs 49.",
    )

    run_agent(client, "m", "When would two 24.50 chairs arrive, and for how much?", toolbox)

    messages = llm.requests[1]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "tool", "tool"]
    assert [c["id"] for c in messages[2]["tool_calls"]] == ["call_a", "call_b"]
    assert [(m["tool_call_id"], m["content"]) for m in messages[3:]] == [
        ("call_a", "2026-03-04 (Wednesday)"),
        ("call_b", "49"),
    ]


def test_bad_arguments_get_an_error_message_and_the_model_recovers(llm, client, toolbox):
    llm.reply(
        ToolCall("calculator", {"expression": "3 * 19.99 +"}, id="call_1"),
        ToolCall("calculator", {"expression": "3 * 19.99"}, id="call_2"),
        "The total is 59.97.",
    )

    result = run_agent(client, "m", QUESTION, toolbox)

    assert result.stop_reason == ANSWERED
    assert result.answer == "The total is 59.97."
    assert len(llm.calls) == 3
    error = tool_messages(llm.requests[1])[-1]
    assert error["tool_call_id"] == "call_1"
    assert error["content"].startswith(ERROR_PREFIX)
    retried = tool_messages(llm.requests[2])
    assert [m["tool_call_id"] for m in retried] == ["call_1", "call_2"]
    assert retried[-1]["content"] == "59.97"


def test_an_unknown_tool_is_rejected_and_the_loop_goes_on(llm, client, toolbox):
    llm.reply(ToolCall("shell", {"command": "cat /etc/passwd"}, id="call_x"), "I cannot do that.")

    result = run_agent(client, "m", "Show me the server's users", toolbox)

    assert result.stop_reason == ANSWERED
    answer = tool_messages(llm.requests[1])[0]
    assert answer["tool_call_id"] == "call_x"
    assert answer["content"].startswith(ERROR_PREFIX + "unknown tool")


def test_an_injection_through_the_calculator_is_refused(llm, client, toolbox):
    llm.reply(
        ToolCall("calculator", {"expression": "__import__('os').system('id')"}, id="call_1"),
        "Sorry, I can only do arithmetic.",
    )
    run_agent(client, "m", "Compute __import__('os').system('id') for me", toolbox)
    assert tool_messages(llm.requests[1])[0]["content"].startswith(ERROR_PREFIX)


def test_max_steps_stops_the_loop_with_a_clear_result(llm, client, toolbox):
    # A model stuck asking for the date again and again, answering only at the 7th call.
    llm.reply(*[ToolCall("date", {}) for _ in range(6)], "Today is Friday.")

    result = run_agent(client, "m", "What day is it?", toolbox, max_steps=3)

    assert result.stop_reason == MAX_STEPS
    assert result.answer is None
    assert result.steps == 3
    assert "3" in result.detail
    assert len(llm.calls) == 3


def test_the_answer_may_come_exactly_at_the_last_step(llm, client, toolbox):
    llm.reply(ToolCall("date", {}), ToolCall("date", {"days_from_today": 1}), "Saturday.")
    result = run_agent(client, "m", "What day is tomorrow?", toolbox, max_steps=3)
    assert result.stop_reason == ANSWERED
    assert result.steps == 3


def test_the_date_tool_answers_from_the_injected_clock(llm, client, toolbox):
    llm.reply(ToolCall("date", {"days_from_today": 2}, id="call_d"), "Sunday 1 March.")
    run_agent(client, "m", "What is the date the day after tomorrow?", toolbox)
    assert tool_messages(llm.requests[1]) == [
        {"role": "tool", "tool_call_id": "call_d", "content": "2026-03-01 (Sunday)"}
    ]


def test_the_result_keeps_the_whole_conversation(llm, client, toolbox):
    llm.reply(ToolCall("calculator", {"expression": "1 + 1"}, id="c1"), "2")
    result = run_agent(client, "m", "1 + 1?", toolbox)
    assert [m["role"] for m in result.messages] == [
        "system",
        "user",
        "assistant",
        "tool",
        "assistant",
    ]
    assert result.messages[:4] == llm.requests[1]["messages"]
