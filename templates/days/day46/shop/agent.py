"""A ReAct agent, by hand: the model reasons, asks for a tool, sees the result, and goes on.

The loop, over the chat completions tool-calling API:

1. send the conversation and the tool schemas;
2. if the reply is plain text, that is the final answer: stop;
3. if the reply asks for tools, append the assistant's message *as it came* (its `tool_calls`
   and their ids), then one `tool` message per call, in the same order, carrying the call's
   `tool_call_id` and the tool's result (or an error the model can act on); go to 1;
4. after `max_steps` model calls without a final answer, stop and say so.

Providers check step 3 strictly: a `tool` message must follow an assistant message whose
`tool_calls` contain its id, and every call must get its answer. Get the order or an id wrong
and the next request is rejected with a 400 (a real provider) or, worse, the model reads a
result as the answer to another question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openai import OpenAI

from shop.calculator import calculator_tool
from shop.dates import Clock, date_tool, system_clock
from shop.tools import Toolbox

SYSTEM_PROMPT = (
    "You are the shop's support assistant. Use the calculator for every calculation and the "
    "date tool for every date; never work them out yourself. When a tool answers with an error, "
    "fix the call and try again. Answer the customer briefly."
)
DEFAULT_MAX_STEPS = 5

ANSWERED = "answered"
MAX_STEPS = "max_steps"


def shop_toolbox(clock: Clock = system_clock) -> Toolbox:
    """The calculator and the date tool; tests pass a fixed clock."""
    return Toolbox([calculator_tool(), date_tool(clock)])


@dataclass(frozen=True)
class AgentResult:
    answer: str | None  # the final answer; None when the agent stopped without one
    stop_reason: str  # ANSWERED or MAX_STEPS
    steps: int  # model calls made
    messages: list[dict[str, Any]] = field(repr=False)  # the whole conversation, in order
    detail: str = ""  # for MAX_STEPS: what happened, in words a person can act on


def run_agent(
    client: OpenAI,
    model: str,
    question: str,
    toolbox: Toolbox,
    *,
    max_steps: int = DEFAULT_MAX_STEPS,
) -> AgentResult:
    """Answer `question`, calling tools as the model asks, in at most `max_steps` model calls.

    Each call: `model`, the messages so far (system prompt, the question, then every assistant
    and tool message), `tools=toolbox.schemas()` and temperature 0. Tool calls are run with
    `toolbox.call(name, arguments)`. An assistant message appended to the conversation is a
    plain dict: role, content, and its tool_calls as {id, type: "function", function: {name,
    arguments}}.

    Returns ANSWERED with the text of the first reply that asks for no tool, or MAX_STEPS (answer
    None, and a `detail` saying how many calls were made) when the budget runs out first.
    """
    # BEGIN SOLUTION
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": question},
    ]
    for step in range(1, max_steps + 1):
        response = client.chat.completions.create(
            model=model,
            messages=messages,
            tools=toolbox.schemas(),
            temperature=0,
        )
        message = response.choices[0].message
        if not message.tool_calls:
            messages.append({"role": "assistant", "content": message.content or ""})
            return AgentResult(message.content or "", ANSWERED, step, messages)
        calls = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.function.name, "arguments": call.function.arguments},
            }
            for call in message.tool_calls
        ]
        messages.append({"role": "assistant", "content": message.content, "tool_calls": calls})
        for call in calls:
            result = toolbox.call(call["function"]["name"], call["function"]["arguments"])
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
    return AgentResult(
        answer=None,
        stop_reason=MAX_STEPS,
        steps=max_steps,
        messages=messages,
        detail=f"stopped after {max_steps} model calls without a final answer",
    )
    # STARTER: raise NotImplementedError("TODO(day46): the ReAct loop, bounded by max_steps")
    # END SOLUTION
