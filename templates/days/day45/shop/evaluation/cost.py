"""What one request cost, from the usage the provider reported and a price table.

The price table is day 41's (`shop.pricing`: Decimal dollars per million tokens). Tokens come
from the response's `usage`, never from counting the prompt ourselves: the provider's count is
the one on the invoice.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from shop.llm import Usage
from shop.pricing import PER_TOKENS, Price, UnknownPrice


def request_cost(usage: Usage, model: str, prices: Mapping[str, Price]) -> Decimal:
    """Exact dollars for one request: prompt tokens at the prompt price plus completion tokens at
    the completion price, per million. Raises UnknownPrice for a model missing from `prices`
    (an unknown cost is not a zero cost)."""
    # BEGIN SOLUTION
    price = prices.get(model)
    if price is None:
        raise UnknownPrice(model)
    return (usage.prompt_tokens * price.prompt + usage.completion_tokens * price.completion) / (
        PER_TOKENS
    )
    # STARTER: raise NotImplementedError("TODO(day45): tokens times price per million, in Decimal")
    # END SOLUTION
