"""The tool registry: what the model may call, how each call is described, and how it is run.

A tool is a name, a description the model reads to decide when to use it, a JSON Schema for its
arguments, and a Python function. The registry sends the descriptions with every request
(`specs`) and runs the calls the model asks for (`call`).

The model's arguments are untrusted input, exactly like a request body from the internet: they
may be malformed JSON, miss a field, carry a wrong type or an extra field nobody asked for. They
are checked against the schema *before* the function runs, and a function that fails does not
crash the agent: every outcome goes back to the model as data, so it can correct itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    parameters: dict[str, Any]  # a JSON Schema for the arguments object
    handler: Callable[..., Any]  # called with the validated arguments as keyword arguments
    writes: bool = False  # True: changes something outside the conversation (see approvals.py)


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, Tool] = {}

    def register(self, tool: Tool) -> Tool:
        if not NAME.match(tool.name):
            raise ValueError(f"tool name {tool.name!r} must match {NAME.pattern}")
        if tool.name in self._tools:
            raise ValueError(f"a tool named {tool.name!r} is already registered")
        Draft202012Validator.check_schema(tool.parameters)
        self._tools[tool.name] = tool
        return tool

    def names(self) -> list[str]:
        return sorted(self._tools)

    def get(self, name: str) -> Tool:
        return self._tools[name]

    def specs(self) -> list[dict[str, Any]]:
        """The `tools` field of a chat completions request."""
        return [
            {
                "type": "function",
                "function": {
                    "name": tool.name,
                    "description": tool.description,
                    "parameters": tool.parameters,
                },
            }
            for tool in self._tools.values()
        ]

    def call(self, name: str, arguments: str | dict[str, Any]) -> dict[str, Any]:
        """Run one tool call from the model. Never raises.

        `arguments` is what the model sent: a JSON text (as in the API) or an already decoded
        object. Returns `{"ok": True, "result": <the function's return value>}`, or
        `{"ok": False, "error": "<one line the model can act on>"}` when:

        * no tool has that name (the error names the tools that exist);
        * the arguments are not JSON, or not a JSON object;
        * they do not validate against the tool's schema (the error says which field and why,
          and the function is NOT called);
        * the function raises (the error is the exception's type and message).
        """
        # BEGIN SOLUTION
        tool = self._tools.get(name)
        if tool is None:
            return _error(f"no tool named {name!r}; the tools are: {', '.join(self.names())}")
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments or "{}")
            except ValueError as error:
                return _error(f"arguments for {name} are not valid JSON: {error}")
        if not isinstance(arguments, dict):
            return _error(f"arguments for {name} must be a JSON object")
        problem = best_match(Draft202012Validator(tool.parameters).iter_errors(arguments))
        if problem is not None:
            where = "/".join(str(part) for part in problem.absolute_path) or "arguments"
            return _error(f"invalid arguments for {name} ({where}): {problem.message}")
        try:
            return {"ok": True, "result": tool.handler(**arguments)}
        except Exception as error:  # the model gets the failure as data, the agent keeps going
            return _error(f"{name} failed: {type(error).__name__}: {error}")
        # STARTER: raise NotImplementedError("TODO(day47): decode, validate, then run the tool")
        # END SOLUTION


def _error(message: str) -> dict[str, Any]:
    return {"ok": False, "error": message}
