"""The same store against Postgres from compose.yaml (skipped unless BEC_LIVE=1)."""

import os
import uuid

import pytest

from bank.account import Deposit, OpenAccount, Withdraw
from bank.service import AccountService
from bank.store import EventStore


@pytest.mark.live
def test_event_store_works_on_postgres():
    store = EventStore(os.environ["DATABASE_URL"])
    service = AccountService(store)
    account_id = f"live-{uuid.uuid4().hex}"
    service.handle(account_id, OpenAccount("Ada"))
    service.handle(account_id, Deposit(1_000))
    service.handle(account_id, Withdraw(250))
    assert service.state(account_id).balance_cents == 750
    assert service.state_at(account_id, 2).balance_cents == 1_000
