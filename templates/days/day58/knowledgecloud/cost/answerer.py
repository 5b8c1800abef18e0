"""Answering a tenant's question as cheaply as its difficulty allows.

The order matters: the cache first (free), then the router picks the model, then the call, then
the answer goes into the cache for the next paraphrase. Every request is recorded as `Served`,
so the cost per 1,000 requests comes from what really happened.
"""

from __future__ import annotations

from collections.abc import Callable

from openai import OpenAI

from knowledgecloud.cost.cache import SemanticCache
from knowledgecloud.cost.pricing import Served
from knowledgecloud.cost.router import choose_model

SYSTEM = "You answer questions about KnowledgeCloud, a document Q&A platform. Be brief."
MAX_OUTPUT_TOKENS = 300


class Answerer:
    def __init__(
        self,
        client: OpenAI,
        cache: SemanticCache,
        route: Callable[[str], str] = choose_model,
    ) -> None:
        self.client = client
        self.cache = cache
        self.route = route
        self.served: list[Served] = []

    def answer(self, tenant_id: str, question: str) -> str:
        """The cached answer of a close enough question of this tenant, else the routed model's
        answer (then cached). Appends one `Served` either way."""
        # BEGIN SOLUTION
        cached = self.cache.get(tenant_id, question)
        if cached is not None:
            self.served.append(Served(tenant_id, question, cached, None))
            return cached
        model = self.route(question)
        completion = self.client.chat.completions.create(
            model=model,
            messages=[
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": question},
            ],
            max_tokens=MAX_OUTPUT_TOKENS,
        )
        text = completion.choices[0].message.content or ""
        usage = completion.usage
        if usage is None:  # unknown is not free: refuse to record a cost of 0
            raise RuntimeError(f"{model} reported no usage: the cost of this call is unknown")
        self.served.append(
            Served(tenant_id, question, text, model, usage.prompt_tokens, usage.completion_tokens)
        )
        self.cache.put(tenant_id, question, text)
        return text
        # STARTER: raise NotImplementedError("TODO(day58): cache, route, call, record, store")
        # END SOLUTION
