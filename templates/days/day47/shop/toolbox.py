"""The shop agent's tools, registered in one place (given)."""

from __future__ import annotations

from pathlib import Path

from shop.approvals import ApprovalQueue, make_refund_tool
from shop.http_tool import Fetcher, make_http_tool
from shop.sql_tool import make_sql_tool
from shop.tools import ToolRegistry

# The carrier's tracking API: the only site the agent may read.
CARRIER_HOST = "tracking.parcelpost.example"


def build_registry(db_path: Path, fetcher: Fetcher, approvals: ApprovalQueue) -> ToolRegistry:
    registry = ToolRegistry()
    registry.register(make_sql_tool(db_path))
    registry.register(make_http_tool(fetcher))
    registry.register(make_refund_tool(db_path, approvals))
    return registry
