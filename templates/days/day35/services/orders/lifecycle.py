"""The rules of an order's life, in one place.

    pending --pay--> paid --ship--> shipped
       |               |
       +----cancel-----+--> cancelled

An order is paid once, shipped only after it is paid, and cancelled only before it ships
(cancelling a paid order means a refund, which is still possible). Shipped and cancelled are
final: nothing moves an order out of them.
"""

from __future__ import annotations

from typing import Literal

from services.orders.store import Status

Action = Literal["pay", "ship", "cancel"]


class TransitionRefused(Exception):
    """The action is not allowed from the order's current status (the API answers 409)."""


def next_status(current: Status, action: Action) -> Status:
    """The status after `action`, or TransitionRefused naming the status and the action."""
    # BEGIN SOLUTION
    allowed: dict[tuple[str, str], Status] = {
        ("pending", "pay"): "paid",
        ("paid", "ship"): "shipped",
        ("pending", "cancel"): "cancelled",
        ("paid", "cancel"): "cancelled",
    }
    try:
        return allowed[(current, action)]
    except KeyError:
        raise TransitionRefused(f"cannot {action} an order that is {current}") from None
    # STARTER: raise NotImplementedError("TODO(day35): the allowed transitions, refuse the rest")
    # END SOLUTION
