"""What goes over the wire: request and response bodies.

The JSON schemas in the OpenAPI document come from these classes, so this is where fields get
their descriptions and bodies get their examples (`model_config`'s `json_schema_extra`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


# BEGIN SOLUTION
class NewUser(BaseModel):
    """What a client sends to register a user."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"email": "ada@example.com", "name": "Ada Lovelace"}]}
    )

    email: str = Field(
        min_length=3,
        max_length=254,
        pattern=EMAIL_PATTERN,
        description="Login and contact address; unique across users, stored in lower case.",
    )
    name: str = Field(min_length=1, max_length=100, description="How the shop addresses the user.")


class User(BaseModel):
    """A registered user."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "email": "ada@example.com",
                    "name": "Ada Lovelace",
                    "created_at": "2026-01-05T09:30:00Z",
                }
            ]
        }
    )

    id: int = Field(description="The user's id, assigned by the shop.")
    email: str = Field(description="Login and contact address, in lower case.")
    name: str = Field(description="How the shop addresses the user.")
    created_at: datetime = Field(description="When the user registered (UTC).")


class Product(BaseModel):
    """An article of the catalogue."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "sku": "KB-01",
                    "name": "Mechanical keyboard",
                    "price_cents": 8900,
                    "stock": 5,
                }
            ]
        }
    )

    id: int = Field(description="The product's id.")
    sku: str = Field(description="Stock keeping unit: the code printed on the box.")
    name: str = Field(description="What the product is called in the shop.")
    price_cents: int = Field(ge=0, description="Current unit price, in euro cents.")
    stock: int = Field(ge=0, description="Units that can be ordered now.")


class ProductList(BaseModel):
    """A page of the catalogue."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "id": 1,
                            "sku": "KB-01",
                            "name": "Mechanical keyboard",
                            "price_cents": 8900,
                            "stock": 5,
                        }
                    ]
                }
            ]
        }
    )

    items: list[Product] = Field(description="The products, by id.")


class NewOrderLine(BaseModel):
    """One product and how many units of it."""

    product_id: int = Field(description="Which product (see `GET /products`).")
    quantity: int = Field(gt=0, le=100, description="How many units, 1 to 100.")


class NewOrder(BaseModel):
    """What a client sends to place an order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"user_id": 1, "lines": [{"product_id": 1, "quantity": 2}]}]
        }
    )

    user_id: int = Field(description="The user who places the order.")
    lines: list[NewOrderLine] = Field(min_length=1, description="What to order; at least one line.")


class OrderLine(BaseModel):
    """One line of a placed order, with the price paid."""

    product_id: int = Field(description="Which product.")
    quantity: int = Field(description="How many units.")
    unit_price_cents: int = Field(description="Price of one unit when the order was placed.")


class Order(BaseModel):
    """A placed (or cancelled) order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "user_id": 1,
                    "status": "placed",
                    "lines": [{"product_id": 1, "quantity": 2, "unit_price_cents": 8900}],
                    "total_cents": 17800,
                    "created_at": "2026-01-05T09:30:00Z",
                }
            ]
        }
    )

    id: int = Field(description="The order's id.")
    user_id: int = Field(description="The user who placed it.")
    status: Literal["placed", "cancelled"] = Field(description="Where the order stands.")
    lines: list[OrderLine] = Field(description="What was ordered, at which price.")
    total_cents: int = Field(description="Sum of quantity times unit price over the lines.")
    created_at: datetime = Field(description="When the order was placed (UTC).")
    cancelled_at: datetime | None = Field(
        default=None, description="When it was cancelled; null while it is placed."
    )


class OrderList(BaseModel):
    """Orders of one user."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "id": 1,
                            "user_id": 1,
                            "status": "cancelled",
                            "lines": [{"product_id": 2, "quantity": 1, "unit_price_cents": 2500}],
                            "total_cents": 2500,
                            "created_at": "2026-01-05T09:30:00Z",
                            "cancelled_at": "2026-01-05T10:00:00Z",
                        }
                    ]
                }
            ]
        }
    )

    items: list[Order] = Field(description="The user's orders, oldest first.")


class NewCancellation(BaseModel):
    """Why an order is cancelled."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "ordered twice"}]})

    reason: str = Field(min_length=1, max_length=200, description="Kept for customer service.")
# STARTER: class NewUser(BaseModel):
# STARTER:     email: str = Field(min_length=3, max_length=254, pattern=EMAIL_PATTERN)
# STARTER:     name: str = Field(min_length=1, max_length=100)
# STARTER:
# STARTER:
# STARTER: class User(BaseModel):
# STARTER:     id: int
# STARTER:     email: str
# STARTER:     name: str
# STARTER:     created_at: datetime
# STARTER:
# STARTER:
# STARTER: class Product(BaseModel):
# STARTER:     id: int
# STARTER:     sku: str
# STARTER:     name: str
# STARTER:     price_cents: int = Field(ge=0)
# STARTER:     stock: int = Field(ge=0)
# STARTER:
# STARTER:
# STARTER: class NewOrderLine(BaseModel):
# STARTER:     product_id: int
# STARTER:     quantity: int = Field(gt=0, le=100)
# STARTER:
# STARTER:
# STARTER: class NewOrder(BaseModel):
# STARTER:     model_config = ConfigDict(
# STARTER:         json_schema_extra={
# STARTER:             "examples": [{"user_id": 1, "lines": [{"product_id": 1, "quantity": "two"}]}]
# STARTER:         }
# STARTER:     )
# STARTER:
# STARTER:     user_id: int
# STARTER:     lines: list[NewOrderLine] = Field(min_length=1)
# STARTER:
# STARTER:
# STARTER: class OrderLine(BaseModel):
# STARTER:     product_id: int
# STARTER:     quantity: int
# STARTER:     unit_price_cents: int
# STARTER:
# STARTER:
# STARTER: class Order(BaseModel):
# STARTER:     id: int
# STARTER:     userId: int
# STARTER:     status: Literal["placed", "cancelled"]
# STARTER:     lines: list[OrderLine]
# STARTER:     total_cents: int
# STARTER:     createdAt: datetime
# STARTER:     cancelled_at: datetime | None
# STARTER:
# STARTER:
# STARTER: class NewCancellation(BaseModel):
# STARTER:     reason: str = Field(min_length=1, max_length=200)
# END SOLUTION
