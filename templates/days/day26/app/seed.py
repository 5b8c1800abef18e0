"""A year of shop data, the same on every run (given).

`rows()` makes the data from a fixed random seed, so SQLite, Postgres and the tests' own Python
computations all see identical rows. A few orders are placed exactly at midnight: rows on a day
boundary are where rewritten date filters go wrong.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

STATUSES = ("placed", "paid", "shipped", "cancelled")
YEAR_START = datetime(2025, 1, 1)
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass
class ShopData:
    users: list[tuple] = field(default_factory=list)  # (id, email, name)
    products: list[tuple] = field(default_factory=list)  # (id, sku, name, price_cents)
    orders: list[tuple] = field(default_factory=list)  # (id, user_id, status, total, created_at)
    items: list[tuple] = field(default_factory=list)  # (id, order_id, product_id, qty, unit_price)


def rows(users: int = 300, products: int = 40, orders: int = 6000, seed: int = 26) -> ShopData:
    rng = random.Random(seed)
    data = ShopData()
    data.users = [(n, f"user{n}@example.com", f"User {n}") for n in range(1, users + 1)]
    data.products = [
        (n, f"SKU-{n:03d}", f"Product {n}", rng.randrange(199, 19999, 100))
        for n in range(1, products + 1)
    ]
    prices = {product[0]: product[3] for product in data.products}
    item_id = 0
    taken: set[datetime] = set()
    for order_id in range(1, orders + 1):
        if order_id % 97 == 0:  # some orders exactly at midnight, each on its own day
            created = YEAR_START + timedelta(days=(order_id // 97 * 6) % 365)
        else:
            created = YEAR_START + timedelta(seconds=rng.randrange(365 * 24 * 3600))
        while created in taken:  # unique times: "newest first" has a single right answer
            created += timedelta(seconds=1)
        taken.add(created)
        lines = {}
        for _ in range(rng.randint(1, 3)):
            lines[rng.randint(1, products)] = rng.randint(1, 4)
        total = 0
        for product_id, quantity in lines.items():
            item_id += 1
            price = prices[product_id]
            data.items.append((item_id, order_id, product_id, quantity, price))
            total += quantity * price
        status = rng.choices(STATUSES, weights=(2, 5, 10, 1))[0]
        user_id = rng.randint(1, users)
        data.orders.append((order_id, user_id, status, total, created.strftime(TIME_FORMAT)))
    return data
