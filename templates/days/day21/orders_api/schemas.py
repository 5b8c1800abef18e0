"""What the API accepts and returns (given). Responses never expose the ORM class directly."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    pending = "pending"
    paid = "paid"
    shipped = "shipped"
    cancelled = "cancelled"


class OrderIn(BaseModel):
    user_id: int = Field(gt=0)
    item: str = Field(min_length=1, max_length=200)
    quantity: int = Field(default=1, gt=0, le=1000)


class OrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    user_id: int
    item: str
    quantity: int
    status: Status
    created_at: datetime


class OrderPage(BaseModel):
    """One page of the list. `next_cursor` is null on the last page."""

    data: list[OrderOut]
    next_cursor: str | None
