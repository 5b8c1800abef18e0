"""The fake provider: records requests, answers by script, injects faults, streams over SSE."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from .tokens import count_message_tokens, count_tokens, split_tokens

BASE_URL = "http://fake-llm/v1"
CREATED = 1_700_000_000  # a fixed timestamp: answers are the same on every run


@dataclass(frozen=True)
class ToolCall:
    """The model asks the caller to run a tool: `name(**arguments)`."""

    name: str
    arguments: dict[str, Any]
    id: str | None = None


Reply = str | ToolCall | list[ToolCall]
# A reply worked out from the request body when the call arrives (see `extractive`).
Responder = Callable[[dict[str, Any]], Reply]
Scripted = Reply | Responder


@dataclass(frozen=True)
class Fault:
    """What a call gets instead of an answer: an HTTP error, or no answer at all (a timeout)."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    message: str = ""
    timeout: bool = False


def rate_limited(retry_after: float | str | None = None) -> Fault:
    headers = {} if retry_after is None else {"retry-after": str(retry_after)}
    return Fault(429, headers, "Rate limit reached. Please retry later.")


def server_error(status: int = 500) -> Fault:
    return Fault(status, {}, "The server had an error while processing your request.")


def bad_request(message: str = "Invalid request.") -> Fault:
    return Fault(400, {}, message)


def timeout() -> Fault:
    return Fault(timeout=True)


@dataclass
class Call:
    """One request the fake received, numbered from 1."""

    number: int
    method: str
    url: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    timeout: dict[str, float | None]
    answered: str  # "reply", "fault 429", "timeout", "unscripted"


@dataclass
class _Rule:
    matches: Callable[[dict[str, Any]], bool]
    reply: Scripted
    times: int | None  # None: every time


def last_user_message(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                return "".join(p.get("text", "") for p in content if isinstance(p, dict))
            return content or ""
    return ""


class FakeLLM:
    """An OpenAI-compatible chat completions endpoint living in a `httpx.MockTransport`."""

    def __init__(self, *, model: str = "fake-model", default: Scripted | None = None) -> None:
        self.model = model
        self.default = default
        self.calls: list[Call] = []
        self._queue: list[Scripted] = []
        self._rules: list[_Rule] = []
        self._faults: dict[int, Fault] = {}
        self._every_call_fault: Fault | None = None
        self._tool_ids = 0

    # -- scripting ------------------------------------------------------------------------------

    def reply(self, *replies: Scripted) -> FakeLLM:
        """Queue replies: each call takes the next one, before any rule is tried. A callable
        reply is called with the request body and answers what it returns."""
        self._queue.extend(replies)
        return self

    def when(
        self,
        pattern: str | Callable[[dict[str, Any]], bool],
        reply: Scripted,
        *,
        times: int | None = None,
    ) -> FakeLLM:
        """Answer `reply` when the last user message matches `pattern` (a case-insensitive regex),
        or when `pattern(body)` is true for a callable. Rules are tried in the order given."""
        if callable(pattern):
            matches = pattern
        else:
            regex = re.compile(pattern, re.IGNORECASE)

            def matches(body: dict[str, Any]) -> bool:
                return regex.search(last_user_message(body)) is not None

        self._rules.append(_Rule(matches, reply, times))
        return self

    def inject(self, fault: Fault, *, calls: Iterable[int] | None = None) -> FakeLLM:
        """Answer the given call numbers (1 = first call) with `fault`; every call if None."""
        if calls is None:
            self._every_call_fault = fault
        else:
            for number in calls:
                self._faults[number] = fault
        return self

    # -- clients --------------------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def http_client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(transport=self.transport(), **kwargs)

    def async_http_client(self, **kwargs: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport(), **kwargs)

    def client(self, **kwargs: Any):
        """An `openai.OpenAI` wired to this fake (SDK retries off unless `max_retries` is given)."""
        from openai import OpenAI

        kwargs.setdefault("max_retries", 0)
        return OpenAI(api_key="test", base_url=BASE_URL, http_client=self.http_client(), **kwargs)

    def async_client(self, **kwargs: Any):
        from openai import AsyncOpenAI

        kwargs.setdefault("max_retries", 0)
        return AsyncOpenAI(
            api_key="test",
            base_url=BASE_URL,
            http_client=self.async_http_client(),
            **kwargs,
        )

    # -- what happened --------------------------------------------------------------------------

    @property
    def requests(self) -> list[dict[str, Any]]:
        """The JSON body of every request, in order."""
        return [call.body for call in self.calls]

    # -- the endpoint ---------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        raw = request.read()
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = {"_unparsed": raw.decode("utf-8", "replace")}
        number = len(self.calls) + 1
        call = Call(
            number=number,
            method=request.method,
            url=str(request.url),
            path=request.url.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            timeout=dict(request.extensions.get("timeout", {})),
            answered="",
        )
        self.calls.append(call)

        if request.method != "POST" or not request.url.path.endswith("/chat/completions"):
            call.answered = "fault 404"
            return _error(404, {}, f"Unknown path {request.method} {request.url.path}")

        fault = self._faults.get(number, self._every_call_fault)
        if fault is not None:
            if fault.timeout:
                call.answered = "timeout"
                raise httpx.ReadTimeout("fake LLM: no answer in time", request=request)
            call.answered = f"fault {fault.status}"
            return _error(fault.status, fault.headers, fault.message)

        reply = self._next_reply(body)
        if reply is None:
            call.answered = "unscripted"
            text = last_user_message(body)[:80]
            return _error(500, {}, f"fake LLM: no scripted reply for call {number} ({text!r})")
        call.answered = "reply"
        if body.get("stream"):
            return self._stream(body, reply)
        return httpx.Response(200, json=self._completion(body, reply))

    def _next_reply(self, body: dict[str, Any]) -> Reply | None:
        scripted = self._next_scripted(body)
        return scripted(body) if callable(scripted) else scripted

    def _next_scripted(self, body: dict[str, Any]) -> Scripted | None:
        if self._queue:
            return self._queue.pop(0)
        for rule in self._rules:
            if rule.times == 0 or not rule.matches(body):
                continue
            if rule.times is not None:
                rule.times -= 1
            return rule.reply
        return self.default

    def _message(self, reply: Reply) -> dict[str, Any]:
        if isinstance(reply, str):
            return {"role": "assistant", "content": reply}
        calls = [reply] if isinstance(reply, ToolCall) else reply
        tool_calls = []
        for call in calls:
            self._tool_ids += 1
            tool_calls.append(
                {
                    "id": call.id or f"call_{self._tool_ids}",
                    "type": "function",
                    "function": {
                        "name": call.name,
                        "arguments": json.dumps(call.arguments),
                    },
                }
            )
        return {"role": "assistant", "content": None, "tool_calls": tool_calls}

    def _usage(self, body: dict[str, Any], message: dict[str, Any]) -> dict[str, int]:
        prompt = count_message_tokens(body.get("messages", []))
        completion = count_tokens(message.get("content") or "")
        for call in message.get("tool_calls") or []:
            completion += count_tokens(call["function"]["name"])
            completion += count_tokens(call["function"]["arguments"])
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }

    def _completion(self, body: dict[str, Any], reply: Reply) -> dict[str, Any]:
        message = self._message(reply)
        return {
            "id": f"chatcmpl-fake-{len(self.calls)}",
            "object": "chat.completion",
            "created": CREATED,
            "model": body.get("model", self.model),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": "tool_calls" if message.get("tool_calls") else "stop",
                    "logprobs": None,
                }
            ],
            "usage": self._usage(body, message),
        }

    def _stream(self, body: dict[str, Any], reply: Reply) -> httpx.Response:
        message = self._message(reply)
        model = body.get("model", self.model)
        ident = f"chatcmpl-fake-{len(self.calls)}"

        def chunk(delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> bytes:
            choices = (
                []
                if delta is None
                else [
                    {
                        "index": 0,
                        "delta": delta,
                        "finish_reason": finish,
                        "logprobs": None,
                    }
                ]
            )
            data = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": CREATED,
                "model": model,
                "choices": choices,
                **extra,
            }
            return f"data: {json.dumps(data)}\n\n".encode()

        events = [chunk({"role": "assistant", "content": ""})]
        if message.get("tool_calls"):
            for index, call in enumerate(message["tool_calls"]):
                events.append(chunk({"tool_calls": [{"index": index, **call}]}))
            events.append(chunk({}, "tool_calls"))
        else:
            for piece in split_tokens(message["content"]):
                events.append(chunk({"content": piece}))
            events.append(chunk({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            # As real providers do: usage only when asked for, in a last chunk with no choices.
            events.append(chunk(None, usage=self._usage(body, message)))
        events.append(b"data: [DONE]\n\n")
        return httpx.Response(
            200,
            headers={"content-type": "text/event-stream"},
            content=b"".join(events),
        )


def _error(status: int, headers: dict[str, str], message: str) -> httpx.Response:
    kind = {400: "invalid_request_error", 429: "rate_limit_exceeded"}.get(status, "server_error")
    return httpx.Response(
        status,
        headers=headers,
        json={"error": {"message": message, "type": kind, "param": None, "code": kind}},
    )
