"""What a call costs and what a thousand requests cost, in exact dollars.

Money is Decimal, never float: 0.15 dollars per million tokens has no exact binary value, and
sums of thousands of floats drift. Prices are examples; check each provider's pricing page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PER_TOKENS = Decimal(1_000_000)
MICRODOLLAR = Decimal("0.000001")  # cost per 1k requests is reported to a millionth of a dollar


@dataclass(frozen=True)
class Price:
    prompt: Decimal  # dollars per million prompt tokens
    completion: Decimal  # dollars per million completion tokens


PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(Decimal("0.15"), Decimal("0.60")),
    "gpt-4o": Price(Decimal("2.50"), Decimal("10.00")),
}


@dataclass(frozen=True)
class Served:
    """One request answered: by a model (with its usage) or from the cache (model None)."""

    tenant_id: str
    question: str
    answer: str
    model: str | None
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def cached(self) -> bool:
        return self.model is None


def call_cost(model: str, prompt_tokens: int, completion_tokens: int) -> Decimal:
    """The exact cost of one call; KeyError for a model without a price (unknown is not free)."""
    price = PRICES[model]
    return (prompt_tokens * price.prompt + completion_tokens * price.completion) / PER_TOKENS


def cost_per_1k(served: Sequence[Served]) -> Decimal:
    """Dollars per 1,000 requests over `served` (cache hits count as requests that cost 0),
    rounded half up to MICRODOLLAR."""
    # BEGIN SOLUTION
    if not served:
        raise ValueError("no requests: the cost per request is undefined")
    total = sum(
        (call_cost(s.model, s.prompt_tokens, s.completion_tokens) for s in served if s.model),
        Decimal(0),
    )
    return (total * 1000 / len(served)).quantize(MICRODOLLAR, rounding=ROUND_HALF_UP)
    # STARTER: raise NotImplementedError("TODO(day58): total cost * 1000 / requests, in Decimal")
    # END SOLUTION
