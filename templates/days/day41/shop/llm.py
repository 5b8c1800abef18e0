"""The gateway between the shop and the provider: retries, streaming, usage.

One call to the provider can fail in two ways that need opposite answers:

* it may work if asked again (429 rate limited, 500/502/503/504, a timeout, a dropped
  connection): wait and retry, a bounded number of times, honouring the provider's Retry-After;
* it will fail again however often it is asked (400 bad request, 401 bad key, 404 unknown model):
  retrying only burns quota and delays the error. Give up at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from openai import OpenAI

from shop.config import Settings

log = logging.getLogger("shop.llm")

RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
BACKOFF_BASE_SECONDS = 0.5
# A Retry-After longer than this is not worth holding the customer's request for.
MAX_WAIT_SECONDS = 20.0

T = TypeVar("T")


class ProviderUnavailable(Exception):
    """Retries are used up (or the wait would be too long): the client should come back later."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProviderRejected(Exception):
    """The provider refused the request itself (4xx other than 429): asking again will not help."""

    def __init__(self, status: int) -> None:
        super().__init__(f"the provider rejected the request ({status})")
        self.status = status


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class Completion:
    text: str
    usage: Usage
    attempts: int


def is_retryable(error: Exception) -> bool:
    """True for failures that may go away on their own (see the module docstring)."""
    # BEGIN SOLUTION
    if isinstance(error, openai.APIStatusError):
        return error.status_code in RETRYABLE_STATUS
    # APITimeoutError is a kind of APIConnectionError: no answer at all.
    return isinstance(error, openai.APIConnectionError)
    # STARTER: raise NotImplementedError("TODO(day41): which errors are worth another attempt?")
    # END SOLUTION


def retry_after_seconds(error: Exception) -> float | None:
    """The provider's Retry-After in seconds, when the error carries one that parses."""
    # BEGIN SOLUTION
    if not isinstance(error, openai.APIStatusError):
        return None
    value = error.response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP date: rare from LLM providers; fall back to our own backoff
    return max(seconds, 0.0)
    # STARTER: raise NotImplementedError("TODO(day41): read the Retry-After header, in seconds")
    # END SOLUTION


class ChatStream:
    """Text pieces from a streamed completion, in order; `usage` is set once the stream ends."""

    def __init__(self, chunks: Iterator[Any], attempts: int) -> None:
        self._chunks = chunks
        self.attempts = attempts
        self.usage: Usage | None = None
        self.text = ""

    def __iter__(self) -> Iterator[str]:
        # BEGIN SOLUTION
        for chunk in self._chunks:
            if chunk.usage is not None:
                self.usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
            for choice in chunk.choices:
                piece = choice.delta.content
                if piece:
                    self.text += piece
                    yield piece
        # STARTER: raise NotImplementedError("TODO(day41): yield each piece; keep the usage chunk")
        # END SOLUTION


class ChatGateway:
    def __init__(
        self,
        make_client: Callable[[], OpenAI],
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._make_client = make_client
        self._client: OpenAI | None = None
        self.settings = settings
        self.sleep = sleep

    @property
    def client(self) -> OpenAI:
        """Built on first use, so a broken configuration shows up on the first request."""
        if self._client is None:
            self._client = self._make_client()
        return self._client

    def _request(self, messages: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
        return {
            "model": self.settings.model,
            "messages": messages,
            "max_tokens": self.settings.max_output_tokens,
            **extra,
        }

    def with_retries(self, call: Callable[[], T]) -> tuple[T, int]:
        """Run `call` until it succeeds; its result and how many attempts it took.

        At most `settings.max_attempts` attempts. Before each retry, sleep for the provider's
        Retry-After when it gave one, else BACKOFF_BASE_SECONDS doubled per attempt (0.5, 1, 2...).
        Raises ProviderRejected at once for an error that is not retryable, and
        ProviderUnavailable when the attempts are used up or the wait would exceed
        MAX_WAIT_SECONDS (carrying the provider's Retry-After, when known).
        """
        # BEGIN SOLUTION
        attempt = 0
        while True:
            attempt += 1
            log.info(
                "llm call provider=%s model=%s attempt=%d",
                self.settings.provider,
                self.settings.model,
                attempt,
            )
            try:
                return call(), attempt
            except (openai.APIStatusError, openai.APIConnectionError) as error:
                if not is_retryable(error):
                    status = getattr(error, "status_code", 0)
                    log.warning("llm call rejected status=%s", status)
                    raise ProviderRejected(status) from error
                hint = retry_after_seconds(error)
                delay = hint if hint is not None else BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)
                log.warning("llm call failed (%s), attempt %d", type(error).__name__, attempt)
                if attempt >= self.settings.max_attempts:
                    raise ProviderUnavailable("the provider is not answering", hint) from error
                if delay > MAX_WAIT_SECONDS:
                    raise ProviderUnavailable("the provider asks to wait too long", hint) from error
                self.sleep(delay)
        # STARTER: raise NotImplementedError("TODO(day41): bounded retries honouring Retry-After")
        # END SOLUTION

    def complete(self, messages: list[dict[str, str]]) -> Completion:
        """One answer, whole."""
        # BEGIN SOLUTION
        response, attempts = self.with_retries(
            lambda: self.client.chat.completions.create(**self._request(messages))
        )
        usage = Usage(response.usage.prompt_tokens, response.usage.completion_tokens)
        return Completion(response.choices[0].message.content or "", usage, attempts)
        # STARTER: raise NotImplementedError("TODO(day41): call the provider through with_retries")
        # END SOLUTION

    def stream(self, messages: list[dict[str, str]]) -> ChatStream:
        """Open a streamed answer (retrying until the provider accepts it).

        Once pieces are flowing nothing is retried: the client has already seen them.
        """
        # BEGIN SOLUTION
        chunks, attempts = self.with_retries(
            lambda: self.client.chat.completions.create(
                **self._request(messages, stream=True, stream_options={"include_usage": True})
            )
        )
        return ChatStream(iter(chunks), attempts)
        # STARTER: raise NotImplementedError("TODO(day41): open the stream; ask for its usage")
        # END SOLUTION
