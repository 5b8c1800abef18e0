"""Tools the model may ask for, and the toolbox that runs them on its behalf.

A tool is a name, a description and a JSON Schema for its arguments (what the model sees), plus
a Python function (what runs). The model never runs anything itself: it *asks*, by returning a
tool call with a name and a JSON string of arguments, and our code decides whether and how to
run it. Everything in that request is model output, so it is untrusted input: the name may not
exist, the arguments may not be JSON, may miss a field or carry one we never declared.

Mistakes of the model come back to it as text ("error: ..."), so it can correct itself on the
next step; they never crash the loop. A bug in our own tool code (any exception other than
ToolError) is not the model's mistake and is left to propagate.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

ERROR_PREFIX = "error: "


class ToolError(Exception):
    """The tool refused its input; the message is shown to the model, so make it actionable."""


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    parameters: dict[str, Any]  # JSON Schema of the arguments object
    run: Callable[[dict[str, Any]], str]

    def schema(self) -> dict[str, Any]:
        """The tool as the chat completions API describes it in a request's `tools` list."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters,
            },
        }


class Toolbox:
    def __init__(self, tools: Iterable[Tool]) -> None:
        self._tools = {tool.name: tool for tool in tools}

    @property
    def names(self) -> list[str]:
        return sorted(self._tools)

    def schemas(self) -> list[dict[str, Any]]:
        return [self._tools[name].schema() for name in self.names]

    def call(self, name: str, arguments: str) -> str:
        """The text of the tool message answering a call to `name` with JSON `arguments`.

        Returns ERROR_PREFIX + a message that tells the model what to do instead when:
        * `name` is not a tool of this box (name the tools that exist; nothing runs);
        * `arguments` is not a JSON object;
        * a key is missing from the schema's `required`, or is not among its `properties`;
        * the tool raises ToolError (its message).
        Otherwise, returns what the tool returned.
        """
        # BEGIN SOLUTION
        tool = self._tools.get(name)
        if tool is None:
            available = ", ".join(self.names)
            return f"{ERROR_PREFIX}unknown tool {name!r}; the tools are: {available}"
        try:
            args = json.loads(arguments or "{}")
        except ValueError:
            return f"{ERROR_PREFIX}arguments must be a JSON object, got {arguments!r}"
        if not isinstance(args, dict):
            return f"{ERROR_PREFIX}arguments must be a JSON object, got {arguments!r}"
        properties = tool.parameters.get("properties", {})
        unknown = sorted(set(args) - set(properties))
        if unknown:
            return (
                f"{ERROR_PREFIX}{name} takes no argument {', '.join(unknown)}; "
                f"its arguments are: {', '.join(sorted(properties)) or 'none'}"
            )
        missing = [key for key in tool.parameters.get("required", []) if key not in args]
        if missing:
            return f"{ERROR_PREFIX}{name} needs the argument {', '.join(missing)}"
        try:
            return tool.run(args)
        except ToolError as error:
            return f"{ERROR_PREFIX}{error}"
        # STARTER: raise NotImplementedError("TODO(day46): check the call, run the tool or explain")
        # END SOLUTION
