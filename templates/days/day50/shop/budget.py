"""A run's budget in tokens and dollars, checked before every call, charged from real usage.

Checking after a call ("we are over, stop") is always one call too late: that call was already
paid for. So before each call the agent asks whether its worst case still fits: the prompt it
is about to send (counted) plus the most the model may answer (`max_tokens`), at that model's
price. Only if the worst case fits is the call made; afterwards the budget is charged what the
provider says the call really used. The run can end a little under its budget, never over it.

Money is Decimal (day 41's `shop.pricing.cost`), never float.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from shop.pricing import cost


class BudgetExceeded(Exception):
    def __init__(self, needed_tokens: int, needed_cost: Decimal, budget: Budget) -> None:
        super().__init__(
            f"the next call may use {needed_tokens} tokens / ${needed_cost}; "
            f"{budget.remaining_tokens} tokens / ${budget.remaining_cost} left"
        )
        self.needed_tokens = needed_tokens
        self.needed_cost = needed_cost


@dataclass
class Budget:
    max_tokens: int
    max_cost: Decimal
    spent_tokens: int = 0
    spent_cost: Decimal = Decimal(0)

    @property
    def remaining_tokens(self) -> int:
        return self.max_tokens - self.spent_tokens

    @property
    def remaining_cost(self) -> Decimal:
        return self.max_cost - self.spent_cost

    def check(self, model: str, prompt_tokens: int, max_output_tokens: int) -> None:
        """Raise BudgetExceeded unless a call of `prompt_tokens` that may answer up to
        `max_output_tokens` fits in what is left, in tokens and in dollars. A call that would
        land exactly on the budget fits."""
        # BEGIN SOLUTION
        tokens = prompt_tokens + max_output_tokens
        dollars = cost(model, prompt_tokens, max_output_tokens)
        if tokens > self.remaining_tokens or dollars > self.remaining_cost:
            raise BudgetExceeded(tokens, dollars, self)
        # STARTER: raise NotImplementedError("TODO(day50): does the worst case of this call fit?")
        # END SOLUTION

    def charge(self, model: str, prompt_tokens: int, completion_tokens: int) -> Decimal:
        """Add a finished call's real usage to the spend; return its cost."""
        # BEGIN SOLUTION
        dollars = cost(model, prompt_tokens, completion_tokens)
        self.spent_tokens += prompt_tokens + completion_tokens
        self.spent_cost += dollars
        return dollars
        # STARTER: raise NotImplementedError("TODO(day50): charge the recorded usage, in Decimal")
        # END SOLUTION
