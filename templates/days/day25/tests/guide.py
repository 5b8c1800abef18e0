"""Reading the example requests out of docs/usage-guide.md (shared by the tests).

The format, which the guide's own introduction explains to its readers:

* a request is a fenced ```sh block holding one `curl` command (long ones continue with `\\`);
* the fenced ```http block right after it is the response: a status line such as
  `HTTP/1.1 201 Created`, optional `name: value` header lines, a blank line, a JSON body.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "usage-guide.md"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
NO_BODY = object()


@dataclass
class Example:
    line: int
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any = NO_BODY
    status: int = 0
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: Any = NO_BODY

    @property
    def name(self) -> str:
        return f"usage-guide.md line {self.line}: {self.method} {self.path}"


def parse_curl(command: str, line: int) -> Example:
    words = shlex.split(command.replace("\\\n", " "))
    assert words and words[0] == "curl", f"line {line}: a request block must start with curl"
    method, url, headers, data = None, None, {}, None
    rest = iter(words[1:])
    for word in rest:
        if word in ("-X", "--request"):
            method = next(rest).upper()
        elif word in ("-H", "--header"):
            name, _, value = next(rest).partition(":")
            headers[name.strip().lower()] = value.strip()
        elif word in ("-d", "--data", "--data-raw"):
            data = next(rest)
        elif word == "--json":
            data = next(rest)
            headers.setdefault("content-type", "application/json")
            headers.setdefault("accept", "application/json")
        elif word in ("-s", "--silent", "-i", "--include", "-S", "--show-error", "--fail"):
            continue
        elif word.startswith("-"):
            raise AssertionError(f"line {line}: curl option {word} is not understood by the tests")
        else:
            url = word
    assert url, f"line {line}: the curl command has no URL"
    parts = urlsplit(url)
    body = NO_BODY
    if data is not None:
        try:
            body = json.loads(data)
        except json.JSONDecodeError as exc:
            raise AssertionError(f"line {line}: the request body is not JSON: {exc}") from exc
    return Example(
        line=line,
        method=method or ("POST" if data is not None else "GET"),
        path=parts.path,
        query=dict(parse_qsl(parts.query)),
        headers=headers,
        body=body,
    )


def parse_response(block: str, example: Example) -> None:
    head, _, body = block.partition("\n\n")
    lines = head.strip().splitlines()
    status = re.match(r"^HTTP/[\d.]+ (\d{3})\b", lines[0]) if lines else None
    assert status, f"{example.name}: the response block must start with e.g. `HTTP/1.1 200 OK`"
    example.status = int(status.group(1))
    for header in lines[1:]:
        name, _, value = header.partition(":")
        example.response_headers[name.strip().lower()] = value.strip()
    if body.strip():
        try:
            example.response_body = json.loads(body)
        except json.JSONDecodeError as exc:
            raise AssertionError(f"{example.name}: the response body is not JSON: {exc}") from exc


def read_examples(text: str | None = None) -> list[Example]:
    """Every request of the guide with its documented response, in the order they appear."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    blocks = [
        (match.group(1), match.group(2), text.count("\n", 0, match.start()) + 1)
        for match in FENCE.finditer(text)
    ]
    examples = []
    for index, (language, content, line) in enumerate(blocks):
        if language not in ("sh", "bash", "shell") or not content.lstrip().startswith("curl"):
            continue
        example = parse_curl(content.strip(), line)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        assert following and following[0] == "http", (
            f"{example.name}: follow the request with an ```http block showing the response"
        )
        parse_response(following[1], example)
        examples.append(example)
    return examples
