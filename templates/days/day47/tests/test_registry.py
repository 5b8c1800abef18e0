"""The registry describes tools to the model and checks the model's arguments before running."""

from __future__ import annotations

import pytest

from shop.tools import Tool, ToolRegistry


class Spy:
    def __init__(self, result="done"):
        self.calls = []
        self.result = result

    def __call__(self, **kwargs):
        self.calls.append(kwargs)
        return self.result


@pytest.fixture
def spy():
    return Spy()


@pytest.fixture
def lookup(spy):
    registry = ToolRegistry()
    registry.register(
        Tool(
            name="order_status",
            description="The status of one order.",
            parameters={
                "type": "object",
                "properties": {
                    "order_id": {"type": "integer", "minimum": 1},
                    "verbose": {"type": "boolean"},
                },
                "required": ["order_id"],
                "additionalProperties": False,
            },
            handler=spy,
        )
    )
    return registry


def test_valid_arguments_run_the_handler_with_them(lookup, spy):
    assert lookup.call("order_status", '{"order_id": 3}') == {"ok": True, "result": "done"}
    assert lookup.call("order_status", {"order_id": 4, "verbose": True})["ok"] is True
    assert spy.calls == [{"order_id": 3}, {"order_id": 4, "verbose": True}]


@pytest.mark.parametrize(
    ("arguments", "mentions"),
    [
        ("{}", "order_id"),  # missing
        ('{"order_id": "3"}', "integer"),  # wrong type
        ('{"order_id": 0}', "minimum"),  # out of range
        ('{"order_id": 3, "admin": true}', "admin"),  # a field nobody asked for
        ('{"order_id": 3', "JSON"),  # cut off
        ("[3]", "object"),  # not an object
    ],
)
def test_bad_arguments_are_refused_before_the_handler_runs(lookup, spy, arguments, mentions):
    outcome = lookup.call("order_status", arguments)
    assert outcome["ok"] is False
    assert mentions in outcome["error"]
    assert spy.calls == []


def test_unknown_tool_is_an_error_naming_the_real_tools(lookup):
    outcome = lookup.call("drop_everything", "{}")
    assert outcome["ok"] is False
    assert "order_status" in outcome["error"]


def test_a_failing_handler_becomes_an_error_result_not_a_crash():
    def broken(order_id):
        raise RuntimeError("carrier API is down")

    registry = ToolRegistry()
    registry.register(
        Tool(
            "order_status",
            "x",
            {"type": "object", "properties": {"order_id": {"type": "integer"}}},
            broken,
        )
    )
    outcome = registry.call("order_status", '{"order_id": 1}')
    assert outcome == {"ok": False, "error": outcome["error"]}
    assert "RuntimeError" in outcome["error"]
    assert "carrier API is down" in outcome["error"]
