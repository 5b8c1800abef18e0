"""What a call costs, from a price table in dollars per million tokens.

Money is Decimal, never float: 0.15 per million tokens is not exactly representable in binary,
and a day's costs summed over thousands of requests would drift. Prices change often; these are
examples to check against each provider's pricing page before relying on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

PER_TOKENS = Decimal(1_000_000)


@dataclass(frozen=True)
class Price:
    prompt: Decimal  # dollars per million prompt (input) tokens
    completion: Decimal  # dollars per million completion (output) tokens


PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(Decimal("0.15"), Decimal("0.60")),
    "gpt-4o": Price(Decimal("2.50"), Decimal("10.00")),
    "mistral-small-latest": Price(Decimal("0.10"), Decimal("0.30")),
    # A model on your own machine costs electricity, not tokens.
    "llama3.2": Price(Decimal("0"), Decimal("0")),
}


class UnknownPrice(KeyError):
    """No price for this model: the cost is unknown, which is not the same as free."""


def cost(model: str, prompt_tokens: int, completion_tokens: int) -> Decimal:
    """The exact cost in dollars of one call. Raises UnknownPrice for a model not in PRICES."""
    # BEGIN SOLUTION
    price = PRICES.get(model)
    if price is None:
        raise UnknownPrice(model)
    return (prompt_tokens * price.prompt + completion_tokens * price.completion) / PER_TOKENS
    # STARTER: raise NotImplementedError("TODO(day41): tokens times price per million, in Decimal")
    # END SOLUTION
