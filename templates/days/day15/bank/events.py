"""What can happen to an account: facts, named in the past tense, never changed once recorded."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class AccountOpened:
    owner: str


@dataclass(frozen=True)
class MoneyDeposited:
    amount_cents: int


@dataclass(frozen=True)
class MoneyWithdrawn:
    amount_cents: int


DomainEvent = AccountOpened | MoneyDeposited | MoneyWithdrawn

EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.__name__: cls for cls in (AccountOpened, MoneyDeposited, MoneyWithdrawn)
}


def serialize(event: DomainEvent) -> tuple[str, dict[str, Any]]:
    """The (type name, JSON-able data) pair stored in the event store."""
    return type(event).__name__, asdict(event)


def deserialize(type_name: str, data: dict[str, Any]) -> DomainEvent:
    return EVENT_TYPES[type_name](**data)
