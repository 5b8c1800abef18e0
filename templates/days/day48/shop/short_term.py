"""Short-term memory: the conversation window, kept inside a token budget by a running summary.

A model remembers nothing between requests: every request carries the whole conversation. Left
alone, that list grows until it is slow, expensive, and finally longer than the model's context
window. The window keeps it inside a budget of prompt tokens:

    [system prompt]                       always first, never summarised, never dropped
    [summary of the earlier conversation] one system message, once there is something to keep
    [context]                             optional: facts recalled for this turn (long-term memory)
    [the most recent turns, verbatim]

When a new turn pushes the request over the budget, the OLDEST exchange (a user turn and the
replies that follow it) leaves the window and is folded into the summary by the model, one
exchange at a time, until the request fits again. Tokens, not messages: ten short messages can
be cheaper than one pasted log file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openai import OpenAI

from shop.tokens import count_messages

SUMMARY_PREFIX = "Summary of the earlier conversation: "
CONTEXT_PREFIX = "What you know about this customer: "

SUMMARIZER_PROMPT = (
    "You keep the running summary of a support conversation. You get the summary so far and the "
    "turns that are leaving the conversation window. Answer with the updated summary only: "
    "facts, decisions, order numbers and open questions, in at most five short sentences."
)

Message = dict[str, Any]
# (summary so far, turns leaving the window) -> the new summary
Summarize = Callable[[str, list[Message]], str]


class OverBudget(Exception):
    """Even with everything older summarised, the request does not fit the budget."""


class LLMSummarizer:
    """Folds turns into the running summary with one model call per eviction."""

    def __init__(self, client: OpenAI, model: str, max_tokens: int = 120) -> None:
        self.client = client
        self.model = model
        self.max_tokens = max_tokens

    def request(self, previous: str, turns: list[Message]) -> list[Message]:
        """The messages of a summarising call: SUMMARIZER_PROMPT as the system message, then one
        user message holding the summary so far ("(none)" when empty) and each leaving turn as a
        line `role: content`, in order:

            Summary so far:
            <previous or (none)>

            Turns leaving the window:
            user: ...
            assistant: ...
        """
        # BEGIN SOLUTION
        transcript = "\n".join(f"{turn['role']}: {turn['content']}" for turn in turns)
        content = (
            f"Summary so far:\n{previous or '(none)'}\n\nTurns leaving the window:\n{transcript}"
        )
        return [
            {"role": "system", "content": SUMMARIZER_PROMPT},
            {"role": "user", "content": content},
        ]
        # STARTER: raise NotImplementedError("TODO(day48): the summary so far plus the old turns")
        # END SOLUTION

    def __call__(self, previous: str, turns: list[Message]) -> str:
        response = self.client.chat.completions.create(
            model=self.model,
            messages=self.request(previous, turns),
            max_tokens=self.max_tokens,
        )
        return (response.choices[0].message.content or "").strip()


class ConversationWindow:
    def __init__(self, system_prompt: str, budget: int, summarize: Summarize) -> None:
        self.system_prompt = system_prompt
        self.budget = budget  # prompt tokens, counted with shop.tokens.count_messages
        self.summarize = summarize
        self.summary = ""
        self.context = ""
        self.turns: list[Message] = []

    def messages(self) -> list[Message]:
        """The request, in the order of the module docstring. The summary message is
        SUMMARY_PREFIX + summary and the context message CONTEXT_PREFIX + context, each only
        when not empty."""
        # BEGIN SOLUTION
        messages: list[Message] = [{"role": "system", "content": self.system_prompt}]
        if self.summary:
            messages.append({"role": "system", "content": SUMMARY_PREFIX + self.summary})
        if self.context:
            messages.append({"role": "system", "content": CONTEXT_PREFIX + self.context})
        return messages + self.turns
        # STARTER: raise NotImplementedError("TODO(day48): system, summary, context, then turns")
        # END SOLUTION

    def tokens(self) -> int:
        return count_messages(self.messages())

    def set_context(self, context: str) -> None:
        """Facts for the next request (recalled memories); they count against the budget too."""
        self.context = context
        self.fit()

    def add(self, role: str, content: str) -> None:
        self.turns.append({"role": role, "content": content})
        self.fit()

    def fit(self) -> None:
        """Summarise the oldest exchanges away until `tokens() <= budget`.

        An exchange is the first turn plus every following turn up to (not including) the next
        user turn. Remove it from `turns`, then `summary = summarize(summary, exchange)`; check
        again. The newest turn is never summarised: if it is the only turn left and the request
        still does not fit, raise OverBudget. Do nothing when it already fits (no model call).
        """
        # BEGIN SOLUTION
        while self.tokens() > self.budget:
            if len(self.turns) <= 1:
                raise OverBudget(
                    f"{self.tokens()} tokens with nothing left to summarise; budget {self.budget}"
                )
            exchange = [self.turns.pop(0)]
            while len(self.turns) > 1 and self.turns[0]["role"] != "user":
                exchange.append(self.turns.pop(0))
            self.summary = self.summarize(self.summary, exchange)
        # STARTER: raise NotImplementedError("TODO(day48): summarise the oldest exchanges away")
        # END SOLUTION
