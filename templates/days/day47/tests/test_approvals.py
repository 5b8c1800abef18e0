"""A refund is only ever requested by the model; it happens when a person approves it, once."""

from __future__ import annotations

import pytest

from shop.approvals import ApprovalError
from shop.shopdb import dump

REFUND = {"order_id": 2, "amount_cents": 900, "reason": "one cable arrived broken"}


def refunds(db_path):
    return dump(db_path)["refunds"]


def test_the_refund_tool_returns_a_pending_approval_and_writes_nothing(registry, db_path):
    before = dump(db_path)
    outcome = registry.call("refund_order", REFUND)
    assert outcome["ok"] is True
    assert outcome["result"]["status"] == "pending_approval"
    assert outcome["result"]["approval_id"]
    assert "900" in outcome["result"]["summary"]
    assert dump(db_path) == before


def test_approval_by_a_person_runs_the_refund_once(registry, approvals, db_path):
    approval_id = registry.call("refund_order", REFUND)["result"]["approval_id"]
    approvals.approve(approval_id, approver="sam@shop.example")
    assert refunds(db_path) == [(1, 2, 900, "one cable arrived broken", "sam@shop.example")]
    assert dump(db_path)["orders"][1][5] == "refunded"

    with pytest.raises(ApprovalError):
        approvals.approve(approval_id, approver="sam@shop.example")
    assert len(refunds(db_path)) == 1


def test_an_approved_flag_sent_by_the_model_is_refused_and_writes_nothing(registry, db_path):
    before = dump(db_path)
    outcome = registry.call("refund_order", {**REFUND, "approved": True})
    assert outcome["ok"] is False
    assert "approved" in outcome["error"]
    assert dump(db_path) == before


@pytest.mark.parametrize("approval_id", ["apr-999", "", "apr-1 OR 1=1"])
def test_approving_an_unknown_request_writes_nothing(registry, approvals, db_path, approval_id):
    registry.call("refund_order", REFUND)
    before = dump(db_path)
    with pytest.raises(ApprovalError):
        approvals.approve(approval_id, approver="sam@shop.example")
    assert dump(db_path) == before


def test_a_rejected_request_cannot_be_approved_later(registry, approvals, db_path):
    approval_id = registry.call("refund_order", REFUND)["result"]["approval_id"]
    approvals.reject(approval_id, approver="sam@shop.example")
    with pytest.raises(ApprovalError):
        approvals.approve(approval_id, approver="kim@shop.example")
    assert refunds(db_path) == []


def test_an_approval_needs_a_named_approver(registry, approvals, db_path):
    approval_id = registry.call("refund_order", REFUND)["result"]["approval_id"]
    with pytest.raises(ApprovalError):
        approvals.approve(approval_id, approver="  ")
    assert refunds(db_path) == []
    approvals.approve(approval_id, approver="kim@shop.example")  # still pending, still usable
    assert len(refunds(db_path)) == 1


def test_approval_runs_the_arguments_that_were_shown_not_later_edits(registry, approvals, db_path):
    arguments = dict(REFUND)
    pending = approvals.request("refund_order", arguments, "Refund 900 cents on order 2")
    arguments["amount_cents"] = 1800  # the caller's dict changes after the request
    approvals.approve(pending["approval_id"], approver="sam@shop.example")
    assert [row[2] for row in refunds(db_path)] == [900]


def test_a_refund_larger_than_the_order_is_refused_at_request_time(registry, approvals, db_path):
    outcome = registry.call("refund_order", {**REFUND, "amount_cents": 1801})
    assert outcome["ok"] is False
    assert "1800" in outcome["error"]
    assert approvals.actions == {}


def test_approving_is_not_something_the_model_can_call(registry):
    assert not [name for name in registry.names() if "approv" in name]
    write_tools = [name for name in registry.names() if registry.get(name).writes]
    assert write_tools == ["refund_order"]
    outcome = registry.call("refund_order", REFUND)
    assert outcome["result"]["status"] == "pending_approval"
