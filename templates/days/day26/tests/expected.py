"""What each hot query must return, computed in plain Python from the seed rows.

No SQL here on purpose: a query rewritten into one that returns other rows gives the same wrong
answer before and after a migration, so "before equals after" alone would not notice.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app.seed import ShopData


def user_orders(data: ShopData, user_id: int, status: str) -> list[tuple]:
    rows = [o for o in data.orders if o[1] == user_id and o[2] == status]
    rows.sort(key=lambda o: o[4], reverse=True)
    return [(o[0], o[2], o[3], o[4]) for o in rows[:20]]


def day_queue(data: ShopData, status: str, day: date) -> list[tuple]:
    rows = [o for o in data.orders if o[2] == status and o[4][:10] == day.isoformat()]
    rows.sort(key=lambda o: o[4])
    return [(o[0], o[1], o[3], o[4]) for o in rows]


def product_sales(data: ShopData, status: str, start: date, end: date) -> list[tuple]:
    chosen = {
        o[0] for o in data.orders if o[2] == status and start.isoformat() <= o[4] < end.isoformat()
    }
    skus = {p[0]: p[1] for p in data.products}
    units: dict[str, int] = defaultdict(int)
    revenue: dict[str, int] = defaultdict(int)
    for _, order_id, product_id, quantity, price in data.items:
        if order_id in chosen:
            units[skus[product_id]] += quantity
            revenue[skus[product_id]] += quantity * price
    rows = [(sku, units[sku], revenue[sku]) for sku in units]
    rows.sort(key=lambda row: (-row[2], row[0]))
    return rows
