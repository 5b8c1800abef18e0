"""The GraphQL schema of the gateway: types, resolvers, and the printed SDL.

Every resolver reads through `info.context.loaders`, never through the services directly, so a
query makes one request per service per level of nesting, however many objects it touches.

Print the SDL (to update schema.graphql on purpose): python -m gateway.schema > schema.graphql
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

import strawberry
from strawberry.extensions import SchemaExtension

from gateway.context import GatewayContext
from gateway.limits import check_ids, limits
from gateway.rest import Rejected, Row

Info = strawberry.Info[GatewayContext, None]


@strawberry.type(description="One line of an order.")
class OrderItem:
    sku: str
    quantity: int
    unit_price_cents: int


@strawberry.type(description="A customer of the shop (owned by the Users service).")
class User:
    id: int
    name: str
    email: str

    # BEGIN SOLUTION
    # STARTER: # TODO(day23): the field `orders`, read through info.context.loaders
    @strawberry.field(description="The user's orders, oldest first.")
    async def orders(self, info: Info) -> list[Order]:
        rows = await info.context.loaders.orders_of_user.load(self.id)
        return [Order.from_row(row) for row in rows]

    # END SOLUTION
    @classmethod
    def from_row(cls, row: Row) -> User:
        return cls(id=row["id"], name=row["name"], email=row["email"])


@strawberry.type(description="An order (owned by the Orders service).")
class Order:
    id: int
    user_id: int
    total_cents: int
    items: list[OrderItem]

    # BEGIN SOLUTION
    # STARTER: # TODO(day23): the field `user`, read through info.context.loaders
    @strawberry.field(description="Who placed the order; null if that user no longer exists.")
    async def user(self, info: Info) -> User | None:
        row = await info.context.loaders.user.load(self.user_id)
        return None if row is None else User.from_row(row)

    # END SOLUTION
    @classmethod
    def from_row(cls, row: Row) -> Order:
        return cls(
            id=row["id"],
            user_id=row["user_id"],
            total_cents=row["total_cents"],
            items=[OrderItem(**item) for item in row["items"]],
        )


@strawberry.input(description="One line of a new order.")
class OrderItemInput:
    sku: str
    quantity: int
    unit_price_cents: int


@strawberry.type
class Query:
    @strawberry.field(description="One user, or null.")
    async def user(self, info: Info, id: int) -> User | None:
        # BEGIN SOLUTION
        row = await info.context.loaders.user.load(id)
        return None if row is None else User.from_row(row)
        # STARTER: raise NotImplementedError("TODO(day23): load the user")
        # END SOLUTION

    @strawberry.field(description="Users by id: one entry per id, null where none exists.")
    async def users(self, info: Info, ids: list[int]) -> list[User | None]:
        # BEGIN SOLUTION
        check_ids(ids)
        rows = await info.context.loaders.user.load_many(ids)
        return [None if row is None else User.from_row(row) for row in rows]
        # STARTER: raise NotImplementedError("TODO(day23): load the users, one entry per id")
        # END SOLUTION

    @strawberry.field(description="One order, or null.")
    async def order(self, info: Info, id: int) -> Order | None:
        # BEGIN SOLUTION
        row = await info.context.loaders.order.load(id)
        return None if row is None else Order.from_row(row)
        # STARTER: raise NotImplementedError("TODO(day23): load the order")
        # END SOLUTION

    @strawberry.field(description="Orders by id: one entry per id, null where none exists.")
    async def orders(self, info: Info, ids: list[int]) -> list[Order | None]:
        # BEGIN SOLUTION
        check_ids(ids)
        rows = await info.context.loaders.order.load_many(ids)
        return [None if row is None else Order.from_row(row) for row in rows]
        # STARTER: raise NotImplementedError("TODO(day23): load the orders, one entry per id")
        # END SOLUTION


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Place an order for an existing user.")
    async def place_order(self, info: Info, user_id: int, items: list[OrderItemInput]) -> Order:
        # BEGIN SOLUTION
        lines = [strawberry.asdict(item) for item in items]
        try:
            row = await info.context.shop.place_order(user_id, lines)
        except Rejected as exc:
            raise ValueError(f"order rejected: {exc}") from exc
        # What this request's loaders remember about the user's orders is now out of date.
        # (Strawberry's clear() raises KeyError for a key the loader never loaded.)
        with suppress(KeyError):
            info.context.loaders.orders_of_user.clear(user_id)
        return Order.from_row(row)
        # STARTER: raise NotImplementedError("TODO(day23): POST the order, then forget stale data")
        # END SOLUTION


def build_schema(
    extensions: list[Callable[[], SchemaExtension]] | None = None,
) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=limits() if extensions is None else extensions,
    )


schema = build_schema()

if __name__ == "__main__":
    print(schema.as_str())
