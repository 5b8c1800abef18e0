"""Which agent may run which tool, enforced where tools run, not in the prompt.

The tools offered to a model (the `tools` field of the request) are only a suggestion: a model
can name a tool it was not offered (it hallucinates, or text it read told it to), and its
answer is just JSON we parse. So every tool call an agent's model asks for goes through the
gate, which runs it only when the role's allowlist names it, and otherwise refuses, records the
refusal and tells the model so in the tool result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shop.feedback import rating_summary, search_feedback
from shop.messages import RESEARCHER, WRITER

# Per role: the tools it may run. The writer works from the researcher's findings; it may look
# up a rating summary to quote a number, but searching the raw feedback is the researcher's job.
ALLOWLIST: dict[str, frozenset[str]] = {
    RESEARCHER: frozenset({"search_feedback", "rating_summary"}),
    WRITER: frozenset({"rating_summary"}),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "search_feedback": {
        "type": "function",
        "function": {
            "name": "search_feedback",
            "description": "This week's customer feedback for one product, filtered by rating.",
            "parameters": {
                "type": "object",
                "properties": {
                    "product": {"type": "string"},
                    "min_rating": {"type": "integer", "minimum": 1, "maximum": 5},
                    "max_rating": {"type": "integer", "minimum": 1, "maximum": 5},
                },
                "required": ["product"],
            },
        },
    },
    "rating_summary": {
        "type": "function",
        "function": {
            "name": "rating_summary",
            "description": "How many ratings a product has this week and their average.",
            "parameters": {
                "type": "object",
                "properties": {"product": {"type": "string"}},
                "required": ["product"],
            },
        },
    },
}


@dataclass(frozen=True)
class ToolUse:
    role: str
    tool: str
    arguments: dict[str, Any]


class ToolGate:
    def __init__(
        self,
        tools: dict[str, Callable[..., Any]] | None = None,
        allowlist: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.tools = (
            tools
            if tools is not None
            else {
                "search_feedback": search_feedback,
                "rating_summary": rating_summary,
            }
        )
        self.allowlist = allowlist if allowlist is not None else ALLOWLIST
        self.ran: list[ToolUse] = []
        self.refused: list[ToolUse] = []

    def offered(self, role: str) -> list[dict[str, Any]]:
        """The tool definitions sent to `role`'s model: only the ones it may run."""
        return [SCHEMAS[name] for name in sorted(self.allowlist.get(role, frozenset()))]

    def call(self, role: str, tool: str, arguments: dict[str, Any]) -> str:
        """Run `tool` for `role` and return its result as JSON text for the model.

        A tool not on the role's allowlist is not run: the use is appended to `refused` and the
        model gets `{"error": "tool <name> is not allowed for <role>"}`. An allowed tool that is
        not registered gets `{"error": "unknown tool <name>"}`; a run tool goes to `ran`.
        """
        use = ToolUse(role, tool, dict(arguments))
        # BEGIN SOLUTION
        if tool not in self.allowlist.get(role, frozenset()):
            self.refused.append(use)
            return json.dumps({"error": f"tool {tool} is not allowed for {role}"})
        # END SOLUTION
        if tool not in self.tools:
            return json.dumps({"error": f"unknown tool {tool}"})
        # BEGIN SOLUTION
        self.ran.append(use)
        return json.dumps(self.tools[tool](**arguments))
        # STARTER: raise NotImplementedError("TODO(day49): check the role's allowlist, then run")
        # END SOLUTION
