"""The write model of an account: commands are checked against the current state, which is
nothing but the result of folding the account's past events.

    state = fold(events)              # rebuild
    new_events = decide(state, cmd)   # validate a command, say what happens (no side effects)
    state = evolve(state, new_event)  # apply one fact
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from bank import events


class DomainError(ValueError):
    """A command that breaks a business rule; nothing is recorded."""


class InsufficientFunds(DomainError):
    pass


# Commands: requests that may be refused (imperative names).
@dataclass(frozen=True)
class OpenAccount:
    owner: str


@dataclass(frozen=True)
class Deposit:
    amount_cents: int


@dataclass(frozen=True)
class Withdraw:
    amount_cents: int


Command = OpenAccount | Deposit | Withdraw


@dataclass(frozen=True)
class AccountState:
    is_open: bool = False
    owner: str | None = None
    balance_cents: int = 0
    version: int = 0  # how many events were folded in

    def next(self, **changes: object) -> AccountState:
        """A copy with one more event applied: `changes` plus version + 1."""
        return replace(self, version=self.version + 1, **changes)


def evolve(state: AccountState, event: events.DomainEvent) -> AccountState:
    """Apply one event: opening sets the owner, deposits add, withdrawals subtract.

    Every event increases `version` by one (`state.next(...)` does that). Never validate here:
    events already happened.
    """
    # BEGIN SOLUTION
    match event:
        case events.AccountOpened(owner=owner):
            return state.next(is_open=True, owner=owner)
        case events.MoneyDeposited(amount_cents=amount):
            return state.next(balance_cents=state.balance_cents + amount)
        case events.MoneyWithdrawn(amount_cents=amount):
            return state.next(balance_cents=state.balance_cents - amount)
    raise TypeError(f"unknown event {event!r}")
    # STARTER: raise NotImplementedError("TODO(day15): apply one event to the state")
    # END SOLUTION


def fold(history: Iterable[events.DomainEvent]) -> AccountState:
    state = AccountState()
    for event in history:
        state = evolve(state, event)
    return state


def decide(state: AccountState, command: Command) -> list[events.DomainEvent]:
    """The events a command produces, or DomainError when a rule forbids it.

    Rules: an account is opened once, by a non-empty owner; deposits and withdrawals need an
    open account and a positive amount; a withdrawal may not exceed the balance
    (InsufficientFunds).
    """
    # BEGIN SOLUTION
    match command:
        case OpenAccount(owner=owner):
            if state.is_open:
                raise DomainError("account already open")
            if not owner.strip():
                raise DomainError("an account needs an owner")
            return [events.AccountOpened(owner=owner.strip())]
        case Deposit(amount_cents=amount) | Withdraw(amount_cents=amount):
            if not state.is_open:
                raise DomainError("account is not open")
            if amount <= 0:
                raise DomainError("amount must be positive")
            if isinstance(command, Deposit):
                return [events.MoneyDeposited(amount_cents=amount)]
            if amount > state.balance_cents:
                raise InsufficientFunds(f"balance is {state.balance_cents}, asked for {amount}")
            return [events.MoneyWithdrawn(amount_cents=amount)]
    raise TypeError(f"unknown command {command!r}")
    # STARTER: raise NotImplementedError("TODO(day15): validate the command, return new events")
    # END SOLUTION
