"""The orders list pages by keyset: stable under inserts, total on equal timestamps, filtered."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import event, select

from orders_api.db import Order
from tests.helpers import links, walk

FEB = datetime(2026, 2, 1, 12, 0, 0)


def seed_distinct(seed, count: int, **fields) -> list[int]:
    """`count` orders one minute apart, oldest first; returns their ids."""
    return [seed(created_at=FEB + timedelta(minutes=i), **fields) for i in range(count)]


def test_pages_are_newest_first_and_link_to_the_next(api, seed):
    ids = seed_distinct(seed, 5)

    first = api.get("/orders", params={"limit": 2})

    assert first.status_code == 200, first.text
    assert [o["id"] for o in first.json()["data"]] == [ids[4], ids[3]]
    next_url = links(first).get("next")
    assert next_url, 'a full page with more to come needs Link: <...>; rel="next"'
    assert parse_qs(urlsplit(next_url).query)["cursor"] == [first.json()["next_cursor"]]
    second = api.get(next_url)
    assert [o["id"] for o in second.json()["data"]] == [ids[2], ids[1]]


def test_last_page_has_no_next_link(api, seed):
    seed_distinct(seed, 4)

    pages = walk(api, "/orders?limit=2")

    assert [len(page) for page in pages] == [2, 2], (
        "4 orders in pages of 2 are exactly 2 pages: the second must not link to an empty third"
    )


def test_walk_sees_every_id_once_despite_inserts(api, app, seed, clock):
    original = seed_distinct(seed, 10)

    # The scenario is strong enough to break offset pagination: show it on the same table.
    def offset_page(offset: int) -> list[int]:
        with app.state.sessions() as session:
            query = (
                select(Order.id)
                .order_by(Order.created_at.desc(), Order.id.desc())
                .offset(offset)
                .limit(3)
            )
            return list(session.scalars(query))

    seen_by_offset = offset_page(0)
    seed(created_at=datetime(2026, 2, 20))  # a new order arrives while the client reads
    seen_by_offset += offset_page(3)
    assert len(seen_by_offset) != len(set(seen_by_offset)), "offset paging repeats a row here"

    def new_orders_arrive(page_number: int) -> None:
        for _ in range(2):
            clock.advance()
            response = api.post("/orders", json={"user_id": 1, "item": "mouse"})
            assert response.status_code == 201, response.text

    pages = walk(api, "/orders?limit=3", between_pages=new_orders_arrive)

    seen = [order_id for page in pages for order_id in page]
    repeated = sorted({i for i in seen if seen.count(i) > 1})
    assert not repeated, f"ids {repeated} were served twice: inserts shifted the pages"
    missing = sorted(set(original) - set(seen))
    assert not missing, f"ids {missing} were never served"


def test_equal_timestamps_are_neither_skipped_nor_repeated(api, seed):
    same_moment = datetime(2026, 2, 10, 8, 30, 0)
    older = [seed(created_at=FEB), seed(created_at=FEB + timedelta(minutes=1))]
    tied = [seed(created_at=same_moment) for _ in range(7)]
    newer = [seed(created_at=same_moment + timedelta(seconds=1))]

    pages = walk(api, "/orders?limit=2")

    seen = [order_id for page in pages for order_id in page]
    expected = newer + sorted(tied, reverse=True) + sorted(older, reverse=True)
    assert seen == expected, (
        "seven orders share one created_at: the sort needs a unique tiebreaker (id) and the "
        f"cursor must carry it. expected {expected}, got {seen}"
    )


def test_filters_apply_on_every_page(api, seed):
    wanted = []
    for i in range(12):
        user_id = 1 if i % 2 == 0 else 2
        status = "paid" if i % 3 else "pending"
        order_id = seed(created_at=FEB + timedelta(minutes=i), user_id=user_id, status=status)
        if user_id == 1 and status == "paid":
            wanted.append(order_id)

    first = api.get("/orders", params={"user_id": 1, "status": "paid", "limit": 2})
    next_query = parse_qs(urlsplit(links(first)["next"]).query)
    assert next_query["user_id"] == ["1"] and next_query["status"] == ["paid"], (
        "the next link must repeat the filters"
    )
    pages = walk(api, "/orders?user_id=1&status=paid&limit=2")

    assert [i for page in pages for i in page] == sorted(wanted, reverse=True)


def test_list_query_uses_keyset_not_offset(api, app, seed):
    seed_distinct(seed, 9)
    statements: list[tuple[str, tuple]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, tuple(parameters)))

    event.listen(app.state.engine, "before_cursor_execute", record)
    try:
        pages = walk(api, "/orders?limit=4")
    finally:
        event.remove(app.state.engine, "before_cursor_execute", record)

    assert [len(page) for page in pages] == [4, 4, 1]
    selects = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3, f"one query per page, no COUNT or second query: {selects}"
    for sql, params in selects:
        # SQLite's dialect always writes "LIMIT ? OFFSET ?"; a keyset query binds offset 0.
        skipped = params[-1] if sql.rstrip().upper().endswith("OFFSET ?") else 0
        assert skipped == 0, (
            f"the list must seek past the cursor's key, not skip {skipped} rows: {sql} {params}"
        )


def test_default_limit_is_twenty(api, seed):
    seed_distinct(seed, 25)

    response = api.get("/orders")

    assert response.status_code == 200, response.text
    assert len(response.json()["data"]) == 20


@pytest.mark.parametrize("limit", [1, 100])
def test_limit_accepts_its_bounds(api, seed, limit):
    seed_distinct(seed, 3)

    response = api.get("/orders", params={"limit": limit})

    assert response.status_code == 200, response.text
    assert len(response.json()["data"]) == min(limit, 3)
