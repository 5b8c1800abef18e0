"""A worker agent: a role, a system prompt, a model, and the tools the gate lets it run.

An agent reads one message from its inbox, thinks (one or more model calls, running the tools
its model asks for through the gate), and answers with exactly one message caused by the one
it read:

* a text starting with `@researcher ` or `@writer ` is a question to that peer (peer to peer:
  the supervisor is not in the loop);
* any other text is its result: it goes back to whoever asked a question, and to the
  supervisor otherwise;
* an error (the provider is down, the model loops on tools) becomes a FAILED message to the
  supervisor: a worker never dies silently, so the supervisor always hears back.
"""

from __future__ import annotations

import json
from typing import Any

from openai import AsyncOpenAI

from shop.messages import (
    ANSWER,
    FAILED,
    QUESTION,
    RESEARCHER,
    RESULT,
    SUPERVISOR,
    WRITER,
    Message,
    caused_by,
)
from shop.tools import ToolGate

PROMPTS = {
    RESEARCHER: (
        "You are the shop's feedback researcher. Use the tools to collect this week's customer "
        "feedback for the product you are given. Answer with short findings: the main praise, "
        "the main complaints, and the order ids they come from. Never invent feedback."
    ),
    WRITER: (
        "You are the shop's report writer. Turn the researcher's findings into a short weekly "
        "product-feedback report for the product team: a summary line, then what customers "
        "like and what to fix. Use only the findings you are given. If something essential is "
        "missing, ask the researcher by starting your answer with '@researcher '."
    ),
}
PEERS = (RESEARCHER, WRITER)


class AgentStuck(RuntimeError):
    """The model kept asking for tools without ever answering."""


class Agent:
    def __init__(
        self, role: str, client: AsyncOpenAI, model: str, gate: ToolGate, *, max_steps: int = 4
    ) -> None:
        self.role = role
        self.client = client
        self.model = model
        self.gate = gate
        self.max_steps = max_steps

    async def think(self, text: str) -> str:
        """The model's final text for `text`, running the tool calls it asks for on the way."""
        messages: list[dict[str, Any]] = [
            {"role": "system", "content": PROMPTS[self.role]},
            {"role": "user", "content": text},
        ]
        tools = self.gate.offered(self.role)
        for _ in range(self.max_steps):
            extra: dict[str, Any] = {"tools": tools} if tools else {}
            response = await self.client.chat.completions.create(
                model=self.model, messages=messages, **extra
            )
            reply = response.choices[0].message
            if not reply.tool_calls:
                return reply.content or ""
            messages.append(reply.model_dump(exclude_none=True))
            for call in reply.tool_calls:
                arguments = json.loads(call.function.arguments or "{}")
                result = self.gate.call(self.role, call.function.name, arguments)
                messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
        raise AgentStuck(f"{self.role} used {self.max_steps} steps without answering")

    async def handle(self, message: Message) -> Message:
        try:
            text = await self.think(message.body.get("text", ""))
        except Exception as error:  # the supervisor decides what a failure means
            body = {"error": f"{type(error).__name__}: {error}"}
            return caused_by(message, self.role, SUPERVISOR, FAILED, body)
        for peer in PEERS:
            prefix = f"@{peer} "
            if peer != self.role and text.startswith(prefix):
                return caused_by(message, self.role, peer, QUESTION, {"text": text[len(prefix) :]})
        if message.kind == QUESTION:
            return caused_by(message, self.role, message.sender, ANSWER, {"text": text})
        return caused_by(message, self.role, SUPERVISOR, RESULT, {"text": text})
