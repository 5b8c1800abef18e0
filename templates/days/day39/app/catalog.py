"""The product catalogue and the users' orders, in memory.

`catalogue()` stands for the costly query of this lab (a join over products, stock and ratings in
a real shop). It counts how often it runs, so tests can tell a cache hit from a recomputation
without measuring any time.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass, replace


@dataclass(frozen=True)
class Product:
    id: int
    name: str
    name_fr: str
    price_cents: int


@dataclass(frozen=True)
class Order:
    id: int
    user_id: int
    product_id: int
    quantity: int


class Catalog:
    def __init__(self) -> None:
        self.products: dict[int, Product] = {
            1: Product(1, "Espresso cup", "Tasse à espresso", 900),
            2: Product(2, "Coffee grinder", "Moulin à café", 4900),
            3: Product(3, "Milk jug", "Pot à lait", 1500),
        }
        self.orders: list[Order] = [Order(1, 1, 2, 1), Order(2, 2, 1, 4), Order(3, 1, 3, 2)]
        self.catalogue_queries = 0
        # Tests may set this to an asyncio.Event: the query then waits for it, which lets a test
        # hold one computation open while other requests arrive.
        self.gate: asyncio.Event | None = None

    def product(self, product_id: int) -> Product | None:
        return self.products.get(product_id)

    def update_product(self, product_id: int, *, name: str, price_cents: int) -> Product:
        product = replace(self.products[product_id], name=name, price_cents=price_cents)
        self.products[product_id] = product
        return product

    async def catalogue(self) -> list[dict]:
        """The expensive query: every product, in a stable order."""
        self.catalogue_queries += 1
        if self.gate is not None:
            await self.gate.wait()
        return [asdict(p) for p in sorted(self.products.values(), key=lambda p: p.id)]

    def orders_of(self, user_id: int) -> list[dict]:
        return [asdict(o) for o in self.orders if o.user_id == user_id]
