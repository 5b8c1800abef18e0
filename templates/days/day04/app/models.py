"""Request and response shapes (given).

Input models forbid unknown fields, so a typo such as `{"nmae": "Ada"}` is rejected with 422
instead of being silently ignored. Emails are stored lower-case, so `Ada@Example.com` and
`ada@example.com` are the same address.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

OrderStatus = Literal["pending", "paid", "shipped", "cancelled"]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class UserCreate(_Input):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=EMAIL_PATTERN, max_length=254)

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()


class UserUpdate(_Input):
    """PATCH body: every field is optional; only the fields sent are changed."""

    name: str | None = Field(default=None, min_length=1, max_length=100)
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN, max_length=254)

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        return value.lower() if value is not None else None


class User(BaseModel):
    id: int
    name: str
    email: str


class UserList(BaseModel):
    items: list[User]


class OrderCreate(_Input):
    item: str = Field(min_length=1, max_length=200)
    quantity: int = Field(default=1, ge=1, le=1000)


class OrderUpdate(_Input):
    quantity: int | None = Field(default=None, ge=1, le=1000)
    status: OrderStatus | None = None


class Order(BaseModel):
    id: int
    user_id: int
    item: str
    quantity: int
    status: OrderStatus


class OrderList(BaseModel):
    items: list[Order]
