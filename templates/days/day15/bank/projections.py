"""The read side (the Q of CQRS): a list of balances kept up to date from the events.

A read model is disposable: it can be thrown away and rebuilt from the event store at any time,
shaped for the queries it answers (here: "all accounts, richest first") instead of for rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from bank import events
from bank.store import EventStore, RecordedEvent


@dataclass
class BalanceRow:
    account_id: str
    owner: str
    balance_cents: int = 0
    transactions: int = 0  # deposits + withdrawals


def balance_change(event: events.DomainEvent) -> int:
    """How much an event moves the balance: +amount, -amount, or 0 when it is not a payment."""
    if isinstance(event, events.MoneyDeposited):
        return event.amount_cents
    if isinstance(event, events.MoneyWithdrawn):
        return -event.amount_cents
    return 0


class BalancesProjection:
    def __init__(self) -> None:
        self.rows: dict[str, BalanceRow] = {}
        self.position = 0  # the last event (store position) already applied

    def apply(self, recorded: RecordedEvent) -> None:
        """Update the rows for one recorded event and remember its position.

        AccountOpened adds a row; deposits and withdrawals change the balance and count one
        transaction. An event at or before `self.position` was already applied: ignore it, so
        replaying the same events twice changes nothing.
        """
        # BEGIN SOLUTION
        if recorded.position <= self.position:
            return
        event = recorded.event
        if isinstance(event, events.AccountOpened):
            self.rows[recorded.stream_id] = BalanceRow(recorded.stream_id, event.owner)
        else:
            row = self.rows[recorded.stream_id]
            row.balance_cents += balance_change(event)
            row.transactions += 1
        self.position = recorded.position
        # STARTER: raise NotImplementedError("TODO(day15): update the read model for one event")
        # END SOLUTION

    def catch_up(self, store: EventStore) -> int:
        """Apply every event stored after our position; return how many there were."""
        new = store.read_all(after_position=self.position)
        for recorded in new:
            self.apply(recorded)
        return len(new)

    def balances(self) -> list[BalanceRow]:
        """The query this model exists for: all accounts, highest balance first."""
        return sorted(self.rows.values(), key=lambda row: (-row.balance_cents, row.account_id))
