"""Commands are validated against the state rebuilt from events."""

import pytest

from bank.account import (
    AccountState,
    Deposit,
    DomainError,
    InsufficientFunds,
    OpenAccount,
    Withdraw,
    fold,
)
from bank.events import AccountOpened, MoneyDeposited, MoneyWithdrawn


def test_state_is_rebuilt_by_folding_the_events(service, store):
    service.handle("acc-1", OpenAccount("Ada"))
    service.handle("acc-1", Deposit(10_000))
    service.handle("acc-1", Withdraw(2_500))
    service.handle("acc-1", Deposit(500))

    state = service.state("acc-1")
    assert state == AccountState(is_open=True, owner="Ada", balance_cents=8_000, version=4)
    assert [recorded.event for recorded in store.read_stream("acc-1")] == [
        AccountOpened("Ada"),
        MoneyDeposited(10_000),
        MoneyWithdrawn(2_500),
        MoneyDeposited(500),
    ]
    assert fold([AccountOpened("Bob"), MoneyDeposited(300)]).balance_cents == 300


def test_overdrawing_is_rejected_and_records_nothing(service, store):
    service.handle("acc-1", OpenAccount("Ada"))
    service.handle("acc-1", Deposit(1_000))
    with pytest.raises(InsufficientFunds):
        service.handle("acc-1", Withdraw(1_001))
    assert store.current_version("acc-1") == 2
    assert service.state("acc-1").balance_cents == 1_000
    service.handle("acc-1", Withdraw(1_000))
    assert service.state("acc-1").balance_cents == 0


INVALID = {
    "deposit before open": ([], Deposit(100)),
    "withdraw before open": ([], Withdraw(100)),
    "open twice": ([OpenAccount("Ada")], OpenAccount("Ada again")),
    "blank owner": ([], OpenAccount("   ")),
    "zero deposit": ([OpenAccount("Ada")], Deposit(0)),
    "negative withdrawal": ([OpenAccount("Ada")], Withdraw(-5)),
}


def test_invalid_commands_are_refused_without_recording_anything(service, store):
    for case, (setup, command) in INVALID.items():
        account_id = case.replace(" ", "-")
        for earlier in setup:
            service.handle(account_id, earlier)
        before = store.current_version(account_id)
        with pytest.raises(DomainError):
            service.handle(account_id, command)
        assert store.current_version(account_id) == before, f"{case}: an event was recorded"
