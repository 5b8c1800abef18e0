"""Version 2 of the orders representation.

Why a new version: an order will soon hold several items, and v1's flat `item` and `quantity`
cannot say that. v2 also fixes two v1 mistakes that clients already depend on, so they could only
be fixed in a new version:

- v1's `created_at` has no UTC offset ("2026-03-01T09:00:00"); v2's `placed_at` is RFC 3339 UTC
  ("2026-03-01T09:00:00Z").
- v1 says `user_id`; the rest of the shop now says customer: v2 has `customer_id`, and the list
  filter is `?customer_id=`.

    v1: {"id": 3, "user_id": 7, "item": "keyboard", "quantity": 2, "status": "paid",
         "created_at": "2026-03-01T09:00:00"}
    v2: {"id": 3, "customer_id": 7, "items": [{"name": "keyboard", "quantity": 2}],
         "status": "paid", "placed_at": "2026-03-01T09:00:00Z"}

The list envelope (`data`, `next_cursor`), the pagination and the problem details are day 21's,
unchanged.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from orders_api import problems
from orders_api.db import Order
from orders_api.pagination import Filters
from orders_api.routes import DEFAULT_LIMIT, MAX_LIMIT, SessionDep, read_page
from orders_api.schemas import Status

router = APIRouter()


class LineV2(BaseModel):
    name: str
    quantity: int


class OrderV2(BaseModel):
    id: int
    customer_id: int
    items: list[LineV2]
    status: Status
    placed_at: datetime


class OrderPageV2(BaseModel):
    data: list[OrderV2]
    next_cursor: str | None


def to_v2(order: Order) -> OrderV2:
    """The v2 representation of a stored order (stored timestamps are naive UTC)."""
    # BEGIN SOLUTION
    return OrderV2(
        id=order.id,
        customer_id=order.user_id,
        items=[LineV2(name=order.item, quantity=order.quantity)],
        status=Status(order.status),
        placed_at=order.created_at.replace(tzinfo=UTC),
    )
    # STARTER: raise NotImplementedError("TODO(day22): build the v2 shape from the stored order")
    # END SOLUTION


@router.get("/orders/{order_id}", response_model=OrderV2)
def get_order(order_id: int, session: SessionDep) -> OrderV2:
    order = session.get(Order, order_id)
    if order is None:
        raise problems.Problem(
            404, problems.ORDER_NOT_FOUND, "Order not found", f"no order has id {order_id}"
        )
    return to_v2(order)


@router.get("/orders", response_model=OrderPageV2)
def list_orders(
    request: Request,
    response: Response,
    session: SessionDep,
    customer_id: Annotated[int | None, Query(gt=0)] = None,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> OrderPageV2:
    """Orders newest first, paged exactly like v1 (day 21's `read_page`), in the v2 shape."""
    # BEGIN SOLUTION
    filters = Filters(user_id=customer_id, status=status.value if status else None)
    rows, next_cursor = read_page(request, response, session, filters, limit, cursor)
    return OrderPageV2(data=[to_v2(row) for row in rows], next_cursor=next_cursor)
    # STARTER: raise NotImplementedError("TODO(day22): read_page with the v2 filters, then to_v2")
    # END SOLUTION
