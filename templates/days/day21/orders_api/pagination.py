"""Keyset ("cursor") pagination over the orders table.

The list is sorted newest first: `created_at DESC, id DESC`. Two orders can share a timestamp
(a bulk import, a coarse clock), so `created_at` alone is not a total order; `id` breaks the tie
and makes every position in the list unique.

A page does not say "skip the first 40 rows" (that is offset pagination, and it shifts under
your feet when rows are inserted). It says "the rows that come after this one": the `Key` of the
last row the client saw. Whatever is inserted before that point cannot change what comes after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from orders_api.db import Order


@dataclass(frozen=True)
class Filters:
    """The filter parameters of one list query. A cursor is only valid for the same filters."""

    user_id: int | None = None
    status: str | None = None

    def as_dict(self) -> dict[str, int | str | None]:
        return {"user_id": self.user_id, "status": self.status}


@dataclass(frozen=True)
class Key:
    """A position in the sort order: the sort columns of the last row of a page."""

    created_at: datetime
    id: int


@dataclass
class Page:
    rows: list[Order]
    next_key: Key | None  # None when there is nothing after this page


def fetch_page(session: Session, filters: Filters, limit: int, after: Key | None) -> Page:
    """Up to `limit` orders matching `filters`, newest first, strictly after `after`.

    `next_key` is the key of the page's last row when more rows follow, else None. Find out
    whether more rows follow without a second query and without a COUNT.
    """
    # BEGIN SOLUTION
    query = select(Order)
    if filters.user_id is not None:
        query = query.where(Order.user_id == filters.user_id)
    if filters.status is not None:
        query = query.where(Order.status == filters.status)
    if after is not None:
        query = query.where(
            or_(
                Order.created_at < after.created_at,
                and_(Order.created_at == after.created_at, Order.id < after.id),
            )
        )
    query = query.order_by(Order.created_at.desc(), Order.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    if len(rows) <= limit:
        return Page(rows=rows, next_key=None)
    rows = rows[:limit]
    last = rows[-1]
    return Page(rows=rows, next_key=Key(created_at=last.created_at, id=last.id))
    # STARTER: raise NotImplementedError("TODO(day21): keyset query, newest first, limit + 1")
    # END SOLUTION
