"""The shop's support assistant: POST /chat, whole or streamed, with usage recorded per request.

    POST /chat {"message": "...", "stream": false}
      200 {"request_id", "reply", "usage": {"prompt_tokens", "completion_tokens", "cost"}}
      stream=true: 200 text/event-stream, one `data: {"delta": "..."}` event per piece, then
                   `data: {"request_id": ...}` and `data: [DONE]`
      502 the provider rejected the request    503 the provider is unavailable (+ Retry-After)
    GET /chat/provider       which provider and model are configured (never the key)
    GET /usage/{request_id}  what one request cost
    GET /usage               every request, and the total cost

Run it against a local Ollama:
    LLM_PROVIDER=ollama uvicorn shop.app:create_app_from_env --factory --port 8000
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal

import httpx
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from shop.config import Settings, build_client, settings_from_env
from shop.llm import ChatGateway, ProviderRejected, ProviderUnavailable, Usage
from shop.pricing import UnknownPrice, cost
from shop.usage import UsageLog, UsageRecord

log = logging.getLogger("shop.app")

SYSTEM_PROMPT = (
    "You are the support assistant of a small online shop. Answer questions about orders, "
    "delivery, returns and refunds briefly and politely. If you do not know, say so and offer "
    "to hand the question to a person."
)


class ChatRequest(BaseModel):
    message: str = Field(min_length=1, max_length=4000)
    stream: bool = False


def create_app(
    settings: Settings,
    *,
    http_client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    usage_log: UsageLog | None = None,
) -> FastAPI:
    """The app for these settings. Tests pass an `http_client` wired to the fake LLM and a fake
    `sleep`; in production both keep their defaults."""
    gateway = ChatGateway(lambda: build_client(settings, http_client), settings, sleep=sleep)
    usage = usage_log or UsageLog()
    app = FastAPI(title="Shop support assistant")

    def record(request_id: str, used: Usage, *, streamed: bool, attempts: int) -> dict:
        try:
            price: Decimal | None = cost(settings.model, used.prompt_tokens, used.completion_tokens)
        except UnknownPrice:
            log.warning("no price for model %s; cost recorded as unknown", settings.model)
            price = None
        usage.add(
            UsageRecord(
                request_id=request_id,
                provider=settings.provider,
                model=settings.model,
                prompt_tokens=used.prompt_tokens,
                completion_tokens=used.completion_tokens,
                cost=price,
                streamed=streamed,
                attempts=attempts,
            )
        )
        return {
            "prompt_tokens": used.prompt_tokens,
            "completion_tokens": used.completion_tokens,
            "cost": None if price is None else str(price),
        }

    def failure(error: Exception) -> JSONResponse:
        if isinstance(error, ProviderUnavailable):
            headers = {}
            if error.retry_after is not None:
                headers["Retry-After"] = str(max(1, round(error.retry_after)))
            return JSONResponse(
                {"detail": "the assistant is busy; try again shortly"}, 503, headers=headers
            )
        return JSONResponse({"detail": "the assistant could not answer this request"}, 502)

    @app.post("/chat")
    def chat(body: ChatRequest):
        request_id = uuid.uuid4().hex
        messages = [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": body.message},
        ]
        if not body.stream:
            try:
                answer = gateway.complete(messages)
            except (ProviderUnavailable, ProviderRejected) as error:
                return failure(error)
            used = record(request_id, answer.usage, streamed=False, attempts=answer.attempts)
            return {"request_id": request_id, "reply": answer.text, "usage": used}

        try:
            stream = gateway.stream(messages)
        except (ProviderUnavailable, ProviderRejected) as error:
            return failure(error)

        def events() -> Iterator[str]:
            for piece in stream:
                yield f"data: {json.dumps({'delta': piece})}\n\n"
            if stream.usage is None:
                log.warning("stream %s ended without usage; nothing recorded", request_id)
            else:
                record(request_id, stream.usage, streamed=True, attempts=stream.attempts)
            yield f"data: {json.dumps({'request_id': request_id})}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    @app.get("/chat/provider")
    def provider() -> dict[str, str]:
        return settings.public()

    @app.get("/usage/{request_id}")
    def one_usage(request_id: str) -> dict:
        found = usage.get(request_id)
        if found is None:
            raise HTTPException(404, "no such request")
        return _usage_json(found)

    @app.get("/usage")
    def all_usage() -> dict:
        records = usage.all()
        priced = [r.cost for r in records if r.cost is not None]
        return {
            "requests": [_usage_json(r) for r in records],
            "total_cost": str(sum(priced, Decimal(0))),
        }

    return app


def _usage_json(record: UsageRecord) -> dict:
    return {
        "request_id": record.request_id,
        "provider": record.provider,
        "model": record.model,
        "prompt_tokens": record.prompt_tokens,
        "completion_tokens": record.completion_tokens,
        "cost": None if record.cost is None else str(record.cost),
        "streamed": record.streamed,
        "attempts": record.attempts,
    }


def create_app_from_env() -> FastAPI:
    settings = settings_from_env(os.environ)
    return create_app(settings)
