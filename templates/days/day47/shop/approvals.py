"""Writes wait for a person: the refund tool and the approval queue.

Read tools can run as soon as the model asks. A tool that changes the world (money, emails,
deleted rows) must not: the model can be wrong or manipulated, and "the model decided to refund
everyone" is not an incident you want to explain. So a write tool does not write. It records
what it *would* do, with the exact arguments, and returns a pending approval. A person (support
staff, in the shop's admin screen) approves or rejects it later, outside the conversation.

What makes this safe, and what the tests check:

* the tool call itself has no side effect, whatever its arguments say: there is no
  `approved: true` the model can send (the schema forbids extra fields);
* approval runs exactly the arguments that were shown to the approver, once; approving twice,
  approving a rejected or unknown request, or approving with no approver name does nothing;
* nothing the model can call reaches `approve`: approving is not a tool.
"""

from __future__ import annotations

import copy
import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shop.shopdb import connect_readwrite
from shop.sql_tool import connect_readonly
from shop.tools import Tool


class ApprovalError(Exception):
    """The approval cannot be applied; nothing was changed."""


@dataclass
class PendingAction:
    id: str
    tool: str
    arguments: dict[str, Any]
    summary: str  # what the approver reads
    status: str = "pending"  # pending | approved | rejected
    decided_by: str | None = None
    outcome: Any = None


class ApprovalQueue:
    def __init__(self) -> None:
        self.actions: dict[str, PendingAction] = {}
        self._executors: dict[str, Callable[[dict[str, Any], str], Any]] = {}
        self._numbers = itertools.count(1)

    def executor(self, tool: str, execute: Callable[[dict[str, Any], str], Any]) -> None:
        """What approving a `tool` request runs: `execute(arguments, approver)`."""
        self._executors[tool] = execute

    def request(self, tool: str, arguments: dict[str, Any], summary: str) -> dict[str, Any]:
        """Record a pending action and return what the model is told. Writes nothing.

        Keep a deep copy of `arguments` (the caller's dict may change later). Ids are
        "apr-1", "apr-2", ... Returns
        `{"status": "pending_approval", "approval_id": ..., "summary": summary}`.
        """
        # BEGIN SOLUTION
        if tool not in self._executors:
            raise ApprovalError(f"no executor for {tool!r}")
        action = PendingAction(
            id=f"apr-{next(self._numbers)}",
            tool=tool,
            arguments=copy.deepcopy(arguments),
            summary=summary,
        )
        self.actions[action.id] = action
        return {"status": "pending_approval", "approval_id": action.id, "summary": summary}
        # STARTER: raise NotImplementedError("TODO(day47): record the action; write nothing")
        # END SOLUTION

    def approve(self, approval_id: str, approver: str) -> Any:
        """Run the recorded action once, as `approver`, and return its outcome.

        ApprovalError (and no side effect) when the id is unknown, the action is not pending
        any more (approved or rejected already), or `approver` is blank. Mark the action
        decided BEFORE running it, so it can never run twice.
        """
        # BEGIN SOLUTION
        action = self.actions.get(approval_id)
        if action is None:
            raise ApprovalError(f"no approval request {approval_id!r}")
        if action.status != "pending":
            raise ApprovalError(f"{approval_id} was already {action.status}")
        if not approver.strip():
            raise ApprovalError("an approval needs the approver's name")
        action.status = "approved"
        action.decided_by = approver
        action.outcome = self._executors[action.tool](copy.deepcopy(action.arguments), approver)
        return action.outcome
        # STARTER: raise NotImplementedError("TODO(day47): check, mark decided, run once")
        # END SOLUTION

    def reject(self, approval_id: str, approver: str) -> None:
        action = self.actions.get(approval_id)
        if action is None or action.status != "pending":
            raise ApprovalError(f"{approval_id!r} is not a pending approval request")
        action.status = "rejected"
        action.decided_by = approver


def refundable_cents(conn: sqlite3.Connection, order_id: int) -> int:
    """What is left to refund on an order (its total minus earlier refunds)."""
    row = conn.execute(
        "SELECT o.total_cents - COALESCE(SUM(r.amount_cents), 0) FROM orders o "
        "LEFT JOIN refunds r ON r.order_id = o.id WHERE o.id = ? GROUP BY o.id",
        (order_id,),
    ).fetchone()
    if row is None:
        raise ValueError(f"order {order_id} does not exist")
    return int(row[0])


def execute_refund(db_path: Path, arguments: dict[str, Any], approver: str) -> dict[str, Any]:
    """The write itself, run only by an approval: one transaction, checked again at write time."""
    conn = connect_readwrite(db_path)
    try:
        with conn:
            left = refundable_cents(conn, arguments["order_id"])
            if arguments["amount_cents"] > left:
                raise ApprovalError(f"only {left} cents are left to refund on this order")
            cursor = conn.execute(
                "INSERT INTO refunds (order_id, amount_cents, reason, approved_by) "
                "VALUES (?, ?, ?, ?)",
                (arguments["order_id"], arguments["amount_cents"], arguments["reason"], approver),
            )
            conn.execute(
                "UPDATE orders SET status = 'refunded' WHERE id = ?", (arguments["order_id"],)
            )
    finally:
        conn.close()
    return {"refund_id": cursor.lastrowid, **arguments}


def request_refund(
    db_path: Path, approvals: ApprovalQueue, order_id: int, amount_cents: int, reason: str
) -> dict[str, Any]:
    """The refund tool's handler: checks the request with a READ-ONLY connection (the order
    exists, the amount is not more than what is left to refund; ValueError otherwise) and
    queues it for approval with a summary like
    "Refund 500 cents on order 2 (cable arrived broken)". Writes nothing."""
    # BEGIN SOLUTION
    conn = connect_readonly(db_path)
    try:
        left = refundable_cents(conn, order_id)
    finally:
        conn.close()
    if amount_cents > left:
        raise ValueError(f"order {order_id} has only {left} cents left to refund")
    arguments = {"order_id": order_id, "amount_cents": amount_cents, "reason": reason}
    summary = f"Refund {amount_cents} cents on order {order_id} ({reason})"
    return approvals.request("refund_order", arguments, summary)
    # STARTER: raise NotImplementedError("TODO(day47): check with a read-only connection, queue")
    # END SOLUTION


def make_refund_tool(db_path: Path, approvals: ApprovalQueue) -> Tool:
    approvals.executor(
        "refund_order", lambda args, approver: execute_refund(db_path, args, approver)
    )
    return Tool(
        name="refund_order",
        description=(
            "Ask for a refund on an order. Nothing is paid out until a member of staff approves "
            "it: the answer is a pending approval id to give to the customer."
        ),
        parameters={
            "type": "object",
            "properties": {
                "order_id": {"type": "integer", "minimum": 1},
                "amount_cents": {"type": "integer", "minimum": 1},
                "reason": {"type": "string", "minLength": 3, "maxLength": 200},
            },
            "required": ["order_id", "amount_cents", "reason"],
            "additionalProperties": False,
        },
        handler=lambda order_id, amount_cents, reason: request_refund(
            db_path, approvals, order_id, amount_cents, reason
        ),
        writes=True,
    )
