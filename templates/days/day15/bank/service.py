"""The application service: the only way commands reach the event store.

handle(): load the stream -> fold -> decide -> append with the version we read -> update the
read models. Queries about the past (state_at, history) read the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bank.account import AccountState, Command, decide, fold
from bank.projections import BalancesProjection
from bank.store import EventStore, RecordedEvent


class AccountService:
    def __init__(self, store: EventStore, projections: Iterable[BalancesProjection] = ()) -> None:
        self.store = store
        self.projections = list(projections)

    def handle(self, account_id: str, command: Command) -> list[RecordedEvent]:
        history = self.store.read_stream(account_id)
        state = fold(recorded.event for recorded in history)
        new_events = decide(state, command)
        recorded = self.store.append(account_id, new_events, expected_version=state.version)
        # In-process and immediate here; across services this would happen asynchronously
        # (a subscriber to the store), and the read side would be eventually consistent.
        for projection in self.projections:
            projection.catch_up(self.store)
        return recorded

    def state(self, account_id: str) -> AccountState:
        return fold(recorded.event for recorded in self.store.read_stream(account_id))

    def state_at(self, account_id: str, version: int) -> AccountState:
        """Time travel: the account exactly as it was after its first `version` events."""
        # BEGIN SOLUTION
        history = self.store.read_stream(account_id, to_version=version)
        return fold(recorded.event for recorded in history)
        # STARTER: raise NotImplementedError("TODO(day15): fold only the first `version` events")
        # END SOLUTION

    def history(self, account_id: str) -> list[dict[str, Any]]:
        """The audit trail: every change, when it was recorded, in order."""
        return [
            {
                "version": recorded.version,
                "recorded_at": recorded.recorded_at.isoformat(),
                "type": recorded.type,
                "data": recorded.data,
            }
            for recorded in self.store.read_stream(account_id)
        ]
