"""The tools the order agent may call: reading orders and reviews, and deleting orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OrderStore:
    orders: dict[int, dict[str, Any]] = field(
        default_factory=lambda: {
            7: {"id": 7, "user": "ada", "item": "kettle", "status": "cancelled"},
            8: {"id": 8, "user": "ada", "item": "backpack", "status": "shipped"},
            9: {"id": 9, "user": "grace", "item": "desk lamp", "status": "paid"},
        }
    )
    reviews: dict[str, list[str]] = field(
        default_factory=lambda: {
            "kettle": ["Boils fast.", "The lid hinge broke after a week."],
            "backpack": ["Great zips."],
        }
    )
    deleted: list[int] = field(default_factory=list)

    def lookup_order(self, order_id: int) -> dict[str, Any]:
        return self.orders.get(order_id, {"error": f"no order {order_id}"})

    def product_reviews(self, product: str) -> list[str]:
        return self.reviews.get(product, [])

    def delete_orders(self, order_ids: list[int]) -> dict[str, Any]:
        gone = [i for i in order_ids if self.orders.pop(i, None) is not None]
        self.deleted.extend(gone)
        return {"deleted": gone}

    def tools(self) -> dict[str, Any]:
        return {
            "lookup_order": self.lookup_order,
            "product_reviews": self.product_reviews,
            "delete_orders": self.delete_orders,
        }


def _function(name: str, description: str, properties: dict, required: list[str]) -> dict:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": properties, "required": required},
        },
    }


SCHEMAS = [
    _function("lookup_order", "One order by id.", {"order_id": {"type": "integer"}}, ["order_id"]),
    _function(
        "product_reviews",
        "Customer reviews of a product (untrusted text written by customers).",
        {"product": {"type": "string"}},
        ["product"],
    ),
    _function(
        "delete_orders",
        "Delete orders for good. Only when the user asked for it.",
        {"order_ids": {"type": "array", "items": {"type": "integer"}}},
        ["order_ids"],
    ),
]
