"""A small reader for Terraform's HCL, enough for the lab tests.

It splits a configuration into blocks (``resource "aws_s3_bucket" "docs" { ... }``) and
attributes (``name = expression``). Expressions are kept as source text; ``literal()`` turns the
simple ones (strings without interpolation, numbers, booleans, lists, objects) into Python values.
It skips strings, heredocs and comments correctly, but it does not evaluate anything.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][+-]?\d+)?")
HEREDOC = re.compile(r"<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n")


class HclError(ValueError):
    pass


@dataclass
class Expr:
    """An expression that is not a plain literal (a reference, a call, an interpolation...)."""

    raw: str

    def __str__(self) -> str:
        return self.raw


@dataclass
class Attribute:
    name: str
    raw: str
    line: int

    @property
    def value(self):
        return literal(self.raw)


@dataclass
class Block:
    type: str
    labels: list[str]
    body: "Body"
    line: int
    file: str = ""


@dataclass
class Body:
    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)

    def get(self, name: str, default=None):
        """The literal value of an attribute (an Expr when it is not a literal)."""
        attribute = self.attributes.get(name)
        return default if attribute is None else attribute.value

    def raw(self, name: str) -> str:
        attribute = self.attributes.get(name)
        return "" if attribute is None else attribute.raw

    def find(self, block_type: str, *labels: str) -> list[Block]:
        return [
            b for b in self.blocks if b.type == block_type and b.labels[: len(labels)] == [*labels]
        ]

    def first(self, block_type: str, *labels: str) -> Block | None:
        found = self.find(block_type, *labels)
        return found[0] if found else None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def line(self) -> int:
        return self.text.count("\n", 0, self.pos) + 1

    def peek(self, size: int = 1) -> str:
        return self.text[self.pos : self.pos + size]

    def skip_space(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#" or self.peek(2) == "//":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end == -1 else end
            elif self.peek(2) == "/*":
                end = self.text.find("*/", self.pos + 2)
                if end == -1:
                    raise HclError(f"line {self.line()}: unclosed /* comment")
                self.pos = end + 2
            else:
                return

    def skip_string(self) -> None:
        """Moves past a quoted string, including ${...} and %{...} templates inside it."""
        assert self.text[self.pos] == '"'
        self.pos += 1
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "\\":
                self.pos += 2
            elif char == '"':
                self.pos += 1
                return
            elif char == "\n":
                raise HclError(f"line {self.line()}: newline inside a string")
            elif self.peek(2) in ("${", "%{"):
                self.pos += 2
                self.skip_expression(closing="}")
                self.pos += 1
            else:
                self.pos += 1
        raise HclError("unterminated string")

    def skip_heredoc(self) -> bool:
        match = HEREDOC.match(self.text, self.pos)
        if not match:
            return False
        end = re.compile(r"^[ \t]*" + re.escape(match.group(1)) + r"[ \t]*$", re.MULTILINE)
        found = end.search(self.text, match.end())
        if not found:
            raise HclError(f"line {self.line()}: heredoc {match.group(1)} is never closed")
        self.pos = found.end()
        return True

    def skip_expression(self, closing: str | None = None) -> None:
        """Moves to the end of an expression: a newline or comment at depth 0, or `closing`."""
        depth = 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == '"':
                self.skip_string()
                continue
            if self.peek(2) == "<<" and self.skip_heredoc():
                continue
            if char == "#" or self.peek(2) == "//":
                if depth == 0 and closing is None:
                    return
                self.skip_space(newlines=False)
                continue
            if self.peek(2) == "/*":
                self.skip_space(newlines=False)
                continue
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    return  # the block's closing brace, or the end of an interpolation
                depth -= 1
            elif char == "\n" and depth == 0 and closing is None:
                return
            self.pos += 1
        if closing is not None or depth:
            raise HclError("unbalanced brackets")

    def read_label(self) -> str | None:
        if self.peek() == '"':
            start = self.pos
            self.skip_string()
            return json.loads(self.text[start : self.pos])
        match = IDENT.match(self.text, self.pos)
        if match:
            self.pos = match.end()
            return match.group(0)
        return None

    def parse_body(self, nested: bool) -> Body:
        body = Body()
        while True:
            self.skip_space(newlines=True)
            if self.pos >= len(self.text):
                if nested:
                    raise HclError("a block is never closed")
                return body
            if self.peek() == "}":
                if not nested:
                    raise HclError(f"line {self.line()}: unexpected }}")
                self.pos += 1
                return body
            line = self.line()
            match = IDENT.match(self.text, self.pos)
            if not match:
                raise HclError(f"line {line}: expected a name, found {self.peek(20)!r}")
            name = match.group(0)
            self.pos = match.end()
            self.skip_space(newlines=False)
            if self.peek() == "=" and self.peek(2) != "==":
                self.pos += 1
                self.skip_space(newlines=False)
                start = self.pos
                self.skip_expression()
                body.attributes[name] = Attribute(name, self.text[start : self.pos].strip(), line)
                continue
            labels = []
            while self.peek() != "{":
                label = self.read_label()
                if label is None:
                    raise HclError(f"line {line}: expected a label or {{ after {name}")
                labels.append(label)
                self.skip_space(newlines=False)
            self.pos += 1
            body.blocks.append(Block(name, labels, self.parse_body(nested=True), line))


def parse(text: str) -> Body:
    return _Reader(text).parse_body(nested=False)


def parse_dir(folder: Path) -> Body:
    """All *.tf files of a folder merged into one body, like Terraform reads a module."""
    merged = Body()
    for path in sorted(folder.glob("*.tf")):
        body = parse(path.read_text(encoding="utf-8"))
        for block in body.blocks:
            block.file = path.name
        merged.blocks += body.blocks
        merged.attributes.update(body.attributes)
    return merged


def _split_top_level(text: str, separators: str) -> list[str]:
    reader = _Reader(text)
    parts, start = [], 0
    while reader.pos < len(text):
        char = text[reader.pos]
        if char == '"':
            reader.skip_string()
            continue
        if char in "([{":
            reader.pos += 1
            reader.skip_expression(closing=")]}")
            reader.pos += 1
            continue
        if char in separators:
            parts.append(text[start : reader.pos])
            start = reader.pos + 1
        reader.pos += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def literal(raw: str):
    """Python value of a literal expression; an Expr for anything that needs evaluation."""
    text = raw.strip()
    if text.startswith('"') and text.endswith('"') and "${" not in text and "%{" not in text:
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return Expr(raw)
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    if NUMBER.fullmatch(text):
        return float(text) if any(c in text for c in ".eE") else int(text)
    if text.startswith("[") and text.endswith("]"):
        return [literal(item) for item in _split_top_level(text[1:-1], ",\n")]
    if text.startswith("{") and text.endswith("}"):
        items = {}
        for item in _split_top_level(text[1:-1], ",\n"):
            key, sep, value = _partition_assignment(item)
            if not sep:
                return Expr(raw)
            items[key] = literal(value)
        return items
    return Expr(raw)


def _partition_assignment(item: str) -> tuple[str, str, str]:
    match = re.match(r'\s*("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)\s*([=:])\s*', item)
    if not match:
        return item, "", ""
    key = match.group(1)
    if key.startswith('"'):
        key = json.loads(key)
    return key, match.group(2), item[match.end() :]
