"""Querying the past and the read side of CQRS."""

from bank.account import AccountState, Deposit, OpenAccount, Withdraw
from bank.projections import BalancesProjection


def test_state_as_of_an_earlier_version(service):
    service.handle("acc-1", OpenAccount("Ada"))
    service.handle("acc-1", Deposit(5_000))
    service.handle("acc-1", Withdraw(1_200))
    service.handle("acc-1", Deposit(300))

    assert service.state_at("acc-1", 0) == AccountState()
    assert service.state_at("acc-1", 1) == AccountState(is_open=True, owner="Ada", version=1)
    assert service.state_at("acc-1", 2).balance_cents == 5_000
    assert service.state_at("acc-1", 3).balance_cents == 3_800
    assert service.state_at("acc-1", 4) == service.state("acc-1")
    assert [entry["type"] for entry in service.history("acc-1")] == [
        "AccountOpened",
        "MoneyDeposited",
        "MoneyWithdrawn",
        "MoneyDeposited",
    ]


def test_balances_read_model_follows_the_events(service, balances):
    service.handle("acc-a", OpenAccount("Ada"))
    service.handle("acc-b", OpenAccount("Bob"))
    service.handle("acc-c", OpenAccount("Cy"))
    service.handle("acc-a", Deposit(2_000))
    service.handle("acc-b", Deposit(9_000))
    service.handle("acc-b", Withdraw(4_000))

    rows = [(r.account_id, r.owner, r.balance_cents, r.transactions) for r in balances.balances()]
    assert rows == [
        ("acc-b", "Bob", 5_000, 2),
        ("acc-a", "Ada", 2_000, 1),
        ("acc-c", "Cy", 0, 0),
    ]


def test_read_model_can_be_rebuilt_from_scratch_and_replays_are_harmless(service, store, balances):
    service.handle("acc-a", OpenAccount("Ada"))
    service.handle("acc-a", Deposit(1_500))
    service.handle("acc-b", OpenAccount("Bob"))
    service.handle("acc-a", Withdraw(500))

    rebuilt = BalancesProjection()
    assert rebuilt.catch_up(store) == 4
    assert rebuilt.balances() == balances.balances()

    for recorded in store.read_all():  # the same events delivered again
        rebuilt.apply(recorded)
    assert [r.balance_cents for r in rebuilt.balances()] == [1_000, 0]
    assert rebuilt.position == store.read_all()[-1].position


def test_an_older_event_delivered_again_later_is_ignored(service, store, balances):
    """Message brokers deliver at least once: event 2 may arrive again after event 3."""
    service.handle("acc-a", OpenAccount("Ada"))
    service.handle("acc-a", Deposit(1_000))
    service.handle("acc-a", Withdraw(300))
    opened, deposited, withdrawn = store.read_all()

    projection = BalancesProjection()
    for recorded in (opened, deposited, withdrawn, deposited, withdrawn, opened):
        projection.apply(recorded)

    assert [(r.balance_cents, r.transactions) for r in projection.balances()] == [(700, 2)]
    assert projection.position == withdrawn.position
