"""A calculator tool that evaluates arithmetic by walking the syntax tree, never with eval.

The expression comes from the model, and the model's input comes from customers: treat it as
hostile. `eval` (even with `__builtins__` emptied) runs Python, and Python can reach `os` through
`().__class__.__base__.__subclasses__()`. So the expression is parsed with `ast.parse(...,
mode="eval")` and only a short list of node types is *interpreted* by our own code: numbers,
+ - * / // % **, unary + and -, and parentheses (which leave no node). Anything else (a name, a
call, an attribute, a string, a subscript, a comparison...) is refused with a message naming it.

Arithmetic is Decimal, so 19.99 * 3 is 59.97 and 0.1 + 0.2 is 0.3. A few limits keep one call
cheap: the expression's length, and the size of an exponent (9**9**9 would take minutes and
most of the memory) checked *before* computing.
"""

from __future__ import annotations

import ast
import decimal
import math
import operator
from decimal import Decimal
from typing import Any

from shop.tools import Tool, ToolError

MAX_EXPRESSION_CHARS = 200
MAX_EXPONENT = 100

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg}
# What a refused node is, in words the model can act on.
_REFUSED = {
    ast.Name: "names (variables, functions, modules)",
    ast.Call: "function calls",
    ast.Attribute: "attribute access",
    ast.Subscript: "indexing",
    ast.Lambda: "lambdas",
}


class CalculatorError(ToolError):
    """The expression is not arithmetic this calculator accepts."""


def evaluate(expression: str) -> Decimal:
    """The value of an arithmetic expression, computed by walking its AST.

    Raises CalculatorError for: an expression longer than MAX_EXPRESSION_CHARS, one that does
    not parse, any node other than the arithmetic ones (see the module docstring), a bool or
    a string constant, an exponent whose absolute value exceeds MAX_EXPONENT (checked before
    the power is computed), and arithmetic errors (division by zero, invalid operations).
    """
    # BEGIN SOLUTION
    if len(expression) > MAX_EXPRESSION_CHARS:
        raise CalculatorError(f"the expression is longer than {MAX_EXPRESSION_CHARS} characters")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as error:
        raise CalculatorError(f"not an arithmetic expression: {error.msg}") from error
    with decimal.localcontext() as context:
        context.prec = 28
        context.traps[decimal.Inexact] = False
        try:
            return _walk(tree.body)
        except (ArithmeticError, decimal.InvalidOperation) as error:
            raise CalculatorError(f"cannot compute this: {type(error).__name__}") from error
    # STARTER: raise NotImplementedError("TODO(day46): parse with ast, walk only arithmetic nodes")
    # END SOLUTION


# BEGIN SOLUTION
def _walk(node: ast.AST) -> Decimal:
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CalculatorError(f"only numbers are allowed, not {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise CalculatorError("that number is too large")
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_walk(node.operand))
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left = _walk(node.left)
        right = _walk(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > MAX_EXPONENT:
            raise CalculatorError(f"exponents are limited to {MAX_EXPONENT}, got {right}")
        return _BINARY[type(node.op)](left, right)
    kind = _REFUSED.get(type(node), type(node).__name__)
    raise CalculatorError(f"{kind} not allowed: use numbers, + - * / // % ** and parentheses")


# END SOLUTION
def format_number(value: Decimal) -> str:
    """A Decimal as plain digits: 84, 59.97, 0.3333333333333333333333333333 (never 8.4E+1)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _run(arguments: dict[str, Any]) -> str:
    expression = arguments["expression"]
    if not isinstance(expression, str):
        raise CalculatorError('"expression" must be a string such as "19.99 * 3"')
    return format_number(evaluate(expression))


def calculator_tool() -> Tool:
    return Tool(
        name="calculator",
        description=(
            "Evaluate an arithmetic expression exactly (decimal arithmetic). Supports numbers, "
            "+ - * / // % ** and parentheses. Use it for every calculation."
        ),
        parameters={
            "type": "object",
            "properties": {
                "expression": {"type": "string", "description": "for example (19.99 * 3) - 5"}
            },
            "required": ["expression"],
            "additionalProperties": False,
        },
        run=_run,
    )
