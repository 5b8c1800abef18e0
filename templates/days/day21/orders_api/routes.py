"""The orders endpoints, as a router, so that an app can mount them under any prefix.

The router reads its dependencies from `request.app.state` (set by `orders_api.app.configure`):
`sessions` (a sessionmaker), `clock` (returns the current naive UTC datetime) and
`cursor_secret` (bytes that sign cursors).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from orders_api import problems
from orders_api.cursor import BadCursor, decode_cursor, encode_cursor
from orders_api.db import Order
from orders_api.pagination import Filters, fetch_page
from orders_api.schemas import OrderIn, OrderOut, OrderPage, Status

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

router = APIRouter()


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@router.post("/orders", status_code=201, response_model=OrderOut)
def create_order(payload: OrderIn, request: Request, session: SessionDep) -> Order:
    order = Order(**payload.model_dump(), status="pending", created_at=request.app.state.clock())
    session.add(order)
    session.commit()
    return order


@router.get("/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: int, session: SessionDep) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise problems.Problem(
            404, problems.ORDER_NOT_FOUND, "Order not found", f"no order has id {order_id}"
        )
    return order


def read_page(
    request: Request,
    response: Response,
    session: Session,
    filters: Filters,
    limit: int,
    cursor: str | None,
) -> tuple[list[Order], str | None]:
    """One page of orders for `filters`, after `cursor` (None: the first page), and the cursor
    of the next page (None on the last one). When there is a next page, also set
    `Link: <url>; rel="next"` on `response`: this request's URL with the new cursor."""
    # BEGIN SOLUTION
    secret = request.app.state.cursor_secret
    after = None
    if cursor is not None:
        try:
            after = decode_cursor(cursor, filters.as_dict(), secret)
        except BadCursor as exc:
            raise problems.Problem(
                400, problems.INVALID_CURSOR, "The cursor cannot be used", str(exc)
            ) from None
    page = fetch_page(session, filters, limit, after)
    if page.next_key is None:
        return page.rows, None
    next_cursor = encode_cursor(page.next_key, filters.as_dict(), secret)
    next_url = request.url.include_query_params(cursor=next_cursor)
    response.headers["Link"] = f'<{next_url}>; rel="next"'
    return page.rows, next_cursor
    # STARTER: raise NotImplementedError("TODO(day21): decode the cursor, fetch a page, link on")
    # END SOLUTION


@router.get("/orders", response_model=OrderPage)
def list_orders(
    request: Request,
    response: Response,
    session: SessionDep,
    user_id: Annotated[int | None, Query(gt=0)] = None,
    status: Status | None = None,
    # BEGIN SOLUTION
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    # STARTER: limit: int = DEFAULT_LIMIT,  # TODO(day21): between 1 and MAX_LIMIT
    # END SOLUTION
    cursor: str | None = None,
) -> OrderPage:
    """Orders, newest first, `limit` per page. When more follow, the body's `next_cursor` and
    the `Link: <...>; rel="next"` header point at the next page, with the same filters."""
    filters = Filters(user_id=user_id, status=status.value if status else None)
    rows, next_cursor = read_page(request, response, session, filters, limit, cursor)
    return OrderPage(data=[OrderOut.model_validate(row) for row in rows], next_cursor=next_cursor)
