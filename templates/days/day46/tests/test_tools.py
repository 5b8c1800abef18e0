"""The toolbox: the model's request is checked before anything runs; mistakes go back as text."""

from __future__ import annotations

import json

from shop.tools import ERROR_PREFIX, Tool, Toolbox, ToolError


def spy_tool(calls: list):
    def run(arguments):
        calls.append(arguments)
        if arguments.get("sku") == "missing":
            raise ToolError("no product with sku 'missing'; check the sku and try again")
        return "in stock"

    return Tool(
        name="stock",
        description="Stock level of a product",
        parameters={
            "type": "object",
            "properties": {"sku": {"type": "string"}},
            "required": ["sku"],
            "additionalProperties": False,
        },
        run=run,
    )


def test_a_valid_call_runs_the_tool_and_returns_its_result(toolbox):
    assert toolbox.call("calculator", json.dumps({"expression": "12 * 7"})) == "84"
    assert toolbox.call("date", json.dumps({"days_from_today": 5})) == "2026-03-04 (Wednesday)"
    assert toolbox.call("date", "{}") == "2026-02-27 (Friday)"


def test_an_unknown_tool_is_refused_and_names_the_real_ones(toolbox):
    result = toolbox.call("shell", json.dumps({"command": "rm -rf /"}))
    assert result.startswith(ERROR_PREFIX)
    assert "shell" in result
    assert "calculator" in result and "date" in result


def test_arguments_that_are_not_a_json_object_are_refused():
    calls: list = []
    box = Toolbox([spy_tool(calls)])
    for arguments in ['{"sku": ', '"abc"', "[1, 2]", "42"]:
        assert box.call("stock", arguments).startswith(ERROR_PREFIX + "arguments")
    assert calls == []


def test_missing_and_undeclared_arguments_are_refused_before_running():
    calls: list = []
    box = Toolbox([spy_tool(calls)])
    missing = box.call("stock", "{}")
    extra = box.call("stock", json.dumps({"sku": "A1", "warehouse": "all"}))
    assert missing.startswith(ERROR_PREFIX) and "sku" in missing
    assert extra.startswith(ERROR_PREFIX) and "warehouse" in extra
    assert calls == []


def test_a_tool_error_becomes_an_error_message_for_the_model():
    calls: list = []
    box = Toolbox([spy_tool(calls)])
    result = box.call("stock", json.dumps({"sku": "missing"}))
    assert result == ERROR_PREFIX + "no product with sku 'missing'; check the sku and try again"
    assert box.call("stock", json.dumps({"sku": "A1"})) == "in stock"
    assert calls == [{"sku": "missing"}, {"sku": "A1"}]


def test_a_calculator_refusal_reaches_the_model_as_text(toolbox):
    result = toolbox.call("calculator", json.dumps({"expression": "__import__('os')"}))
    assert result.startswith(ERROR_PREFIX)
    assert "not allowed" in result
    wrong_type = toolbox.call("calculator", json.dumps({"expression": 42}))
    assert wrong_type.startswith(ERROR_PREFIX)
