"""Best sellers in a sorted set: Redis ranks, and reads only what is asked for."""

import pytest

from app.leaderboard import Entry, Leaderboard


@pytest.fixture
def board(r):
    return Leaderboard(r)


def test_sales_add_up_and_the_top_comes_back_ranked(board):
    assert board.record_sale("KB-01", 3) == 3
    assert board.record_sale("MS-02", 5) == 5
    assert board.record_sale("KB-01", 4) == 7
    board.record_sale("CB-03", 1)

    assert board.top(2) == [Entry(1, "KB-01", 7), Entry(2, "MS-02", 5)]
    assert board.top(10) == [Entry(1, "KB-01", 7), Entry(2, "MS-02", 5), Entry(3, "CB-03", 1)]
    assert board.top(0) == []


def test_rank_of_matches_the_top_list(board):
    for i in range(20):
        board.record_sale(f"SKU-{i:02d}", (i * 7) % 11 + 1)
    top = board.top(20)
    assert [e.rank for e in top] == list(range(1, 21))
    for entry in top:
        assert board.rank_of(entry.sku) == entry
    assert board.rank_of("never-sold") is None


def test_top_n_reads_only_n_members_from_redis(board, r):
    for i in range(200):
        board.record_sale(f"SKU-{i:03d}", i % 37 + 1)
    r.calls.clear()
    top = board.top(3)
    assert [e.rank for e in top] == [1, 2, 3]
    assert [e.sold for e in top] == [37, 37, 37]
    fetched = sum(len(c.result) for c in r.calls if isinstance(c.result, list))
    assert fetched <= 3, (
        f"top(3) pulled {fetched} entries out of Redis ({r.names()}): let the sorted set "
        "rank (ZREVRANGE 0 2), do not fetch everything and sort in Python"
    )

    r.calls.clear()
    entry = board.rank_of("SKU-100")
    assert entry is not None and entry.sku == "SKU-100"
    biggest = max((len(c.result) for c in r.calls if isinstance(c.result, list)), default=0)
    assert biggest <= 2, f"rank_of pulled {biggest} entries out of Redis ({r.names()})"
