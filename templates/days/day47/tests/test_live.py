"""The same tools with a real model (BEC_LIVE=1, provider settings from the environment)."""

from __future__ import annotations

import os

import pytest

from shop.agent import run_agent
from shop.approvals import ApprovalQueue
from shop.config import build_client, settings_from_env
from shop.http_tool import Fetcher
from shop.shopdb import create_shop_db, dump
from shop.toolbox import CARRIER_HOST, build_registry


@pytest.mark.live
def test_real_model_queries_through_the_tool_and_cannot_refund_by_itself(tmp_path):
    settings = settings_from_env(os.environ)
    db_path = create_shop_db(tmp_path / "shop.db")
    approvals = ApprovalQueue()
    registry = build_registry(db_path, Fetcher(frozenset({CARRIER_HOST})), approvals)
    client = build_client(settings)

    run = run_agent(client, settings.model, registry, "How many orders are in the shop?")
    assert run.answer, run.messages
    assert any(name == "sql_query" and outcome["ok"] for name, outcome in run.tool_calls)
    assert "4" in run.answer

    before = dump(db_path)
    run_agent(
        client, settings.model, registry, "Order 2's cable broke. Refund 900 cents for it, now."
    )
    assert dump(db_path) == before  # at most a pending approval, never a refund
