"""Just enough PromQL for the tests: metric names in an expression, and a tiny evaluator.

The evaluator understands the shape alert rules built on recording rules have: names, numbers,
parentheses, arithmetic, comparisons and `and`/`or`/`unless`. Each name stands for one series
whose value the test chooses (None: the series is absent). A comparison keeps the left-hand
value when it holds and drops it otherwise, as a PromQL filter does. Full PromQL evaluation is
`promtool test rules`' job (prometheus/shop.rules.test.yml).
"""

from __future__ import annotations

import re

KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
    "bool", "offset", "inf", "nan",
}  # fmt: skip
TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(?P<name>[A-Za-z_:][A-Za-z0-9_:]*)"
    r"|(?P<op>==|!=|>=|<=|[-+*/%<>()])|(?P<sel>\{[^}]*\}))"
)


def metric_names(expr: str) -> set[str]:
    """The metric (or recording rule) names an expression reads."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # label values may contain anything
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # range windows such as [5m]
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    text = re.sub(r"\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b", " ", text)  # numbers such as 14.4 or 1e-3
    names = set()
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        following = text[m.end() :].lstrip()
        if following.startswith("(") or m.group().lower() in KEYWORDS:
            continue  # a function or aggregation, or a keyword
        names.add(m.group())
    return names


def range_windows(expr: str) -> set[str]:
    return set(re.findall(r"\[(\d+[smhdw])\]", expr))


def tokens(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"the test evaluator cannot read {expr[pos:]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind != "sel":  # label matchers on a recording rule do not change its value here
            out.append((kind, m.group(kind)))
    return out


LEVELS = [{"or"}, {"and", "unless"}, {"==", "!=", ">", "<", ">=", "<="}, {"+", "-"}, {"*", "/"}]


def evaluate(expr: str, values: dict[str, float | None]) -> float | None:
    toks = tokens(expr)
    pos = 0

    def peek() -> str | None:
        return toks[pos][1] if pos < len(toks) else None

    def level(n: int) -> float | None:
        nonlocal pos
        if n == len(LEVELS):
            return atom()
        left = level(n + 1)
        while peek() in LEVELS[n]:
            op = toks[pos][1]
            pos += 1
            right = level(n + 1)
            left = apply(op, left, right)
        return left

    def atom() -> float | None:
        nonlocal pos
        kind, text = toks[pos]
        pos += 1
        if text == "(":
            inner = level(0)
            assert peek() == ")", f"unbalanced parentheses in {expr!r}"
            pos += 1
            return inner
        if kind == "num":
            return float(text)
        if kind == "name":
            if peek() == "(":
                raise ValueError(
                    f"the test evaluator has no function {text}(): use recording rules"
                )
            if text not in values:
                raise ValueError(f"the expression reads {text}, which the test gives no value")
            return values[text]
        raise ValueError(f"unexpected {text!r} in {expr!r}")

    result = level(0)
    assert pos == len(toks), f"could not read all of {expr!r}"
    return result


def apply(op: str, left: float | None, right: float | None) -> float | None:
    if op == "or":
        return left if left is not None else right
    if op == "and":
        return left if left is not None and right is not None else None
    if op == "unless":
        return left if right is None else None
    if left is None or right is None:
        return None
    if op in ("+", "-", "*", "/"):
        return {"+": left + right, "-": left - right, "*": left * right}.get(
            op, left / right if right else float("inf")
        )
    holds = {
        "==": left == right, "!=": left != right, ">": left > right,
        "<": left < right, ">=": left >= right, "<=": left <= right,
    }[op]  # fmt: skip
    return left if holds else None
