"""An order's lifecycle as a state machine.

    pending --pay--> paid --ship--> shipped --deliver--> delivered
       |              |
       +--cancel--> cancelled <--cancel--+

Anything else (shipping an unpaid order, cancelling a shipped one, paying twice) is refused
with InvalidTransition and leaves the order unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


TRANSITIONS: dict[tuple[Status, str], Status] = {
    (Status.PENDING, "pay"): Status.PAID,
    (Status.PENDING, "cancel"): Status.CANCELLED,
    (Status.PAID, "ship"): Status.SHIPPED,
    (Status.PAID, "cancel"): Status.CANCELLED,
    (Status.SHIPPED, "deliver"): Status.DELIVERED,
}


class InvalidTransition(Exception):
    """The event is not allowed in the order's current status."""


@dataclass
class Order:
    id: int
    user_id: int
    total_cents: int
    status: Status = Status.PENDING
    history: list[Status] = field(default_factory=list)

    def apply(self, event: str) -> Status:
        """Move to the next status for `event`, remembering the one left behind."""
        following = TRANSITIONS.get((self.status, event))
        if following is None:
            raise InvalidTransition(f"order {self.id}: cannot {event} when {self.status}")
        self.history.append(self.status)
        self.status = following
        return following
