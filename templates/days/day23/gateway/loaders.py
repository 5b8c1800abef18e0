"""DataLoaders: how the gateway turns many small reads into one batch read per service.

While a query executes, every resolver that needs a user calls `loaders.user.load(user_id)`
instead of calling the Users service. The DataLoader collects the keys asked for during one
tick of the event loop, calls its batch function ONCE with all of them, and hands each caller
its own result. It also remembers what it loaded, which is why one set of loaders must live for
exactly one request (see gateway/context.py).

The contract of a batch function: given `keys`, return a list of the SAME length, where entry i
is the answer for keys[i]. The services do not answer that way (rows in id order, missing ids
left out), so the batch functions line the rows up with `align` and `group`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from gateway.rest import BATCH_LIMIT, Row, ShopClient


def by_id(row: Row) -> int:
    return row["id"]


def align(keys: Sequence[int], rows: Sequence[Row], key: Callable[[Row], int] = by_id):
    """One entry per key, in the order of `keys`: the row whose key(row) is that key, or None.

    align([3, 1, 9], [{"id": 1}, {"id": 3}]) == [{"id": 3}, {"id": 1}, None]
    """
    # BEGIN SOLUTION
    rows_by_key = {key(row): row for row in rows}
    return [rows_by_key.get(wanted) for wanted in keys]
    # STARTER: raise NotImplementedError("TODO(day23): line the rows up with the keys")
    # END SOLUTION


def group(keys: Sequence[int], rows: Sequence[Row], key: Callable[[Row], int]) -> list[list[Row]]:
    """For one-to-many reads: entry i holds every row whose key(row) is keys[i] (maybe none),
    keeping the order of `rows`.

    group([2, 5], [{"id": 1, "user_id": 2}, {"id": 4, "user_id": 2}], user_id) == [[...1, ...4], []]
    """
    # BEGIN SOLUTION
    grouped: dict[int, list[Row]] = {wanted: [] for wanted in keys}
    for row in rows:
        if key(row) in grouped:
            grouped[key(row)].append(row)
    return [grouped[wanted] for wanted in keys]
    # STARTER: raise NotImplementedError("TODO(day23): one list of rows per key")
    # END SOLUTION


@dataclass(frozen=True)
class Loaders:
    user: DataLoader[int, Row | None]  # user id -> the user, or None
    order: DataLoader[int, Row | None]  # order id -> the order, or None
    orders_of_user: DataLoader[int, list[Row]]  # user id -> that user's orders


def new_loaders(shop: ShopClient) -> Loaders:
    """A fresh set of loaders (empty caches) whose batch functions call `shop` once per batch,
    with batches no larger than the services accept (BATCH_LIMIT)."""
    # BEGIN SOLUTION

    async def load_users(ids: list[int]) -> list[Row | None]:
        return align(ids, await shop.users_by_ids(ids))

    async def load_orders(ids: list[int]) -> list[Row | None]:
        return align(ids, await shop.orders_by_ids(ids))

    async def load_orders_of_users(user_ids: list[int]) -> list[list[Row]]:
        return group(user_ids, await shop.orders_of_users(user_ids), key=lambda row: row["user_id"])

    return Loaders(
        user=DataLoader(load_fn=load_users, max_batch_size=BATCH_LIMIT),
        order=DataLoader(load_fn=load_orders, max_batch_size=BATCH_LIMIT),
        orders_of_user=DataLoader(load_fn=load_orders_of_users, max_batch_size=BATCH_LIMIT),
    )
    # STARTER: raise NotImplementedError("TODO(day23): three DataLoaders over the batch reads")
    # END SOLUTION
