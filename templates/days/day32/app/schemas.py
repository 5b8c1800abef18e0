"""What clients may send. Each model lists exactly the fields a caller may set.

Pydantic ignores fields a model does not declare, so `{"note": "hi", "total_cents": 1}` parsed
as OrderUpdate is just a note. Mass assignment happens when code copies *the request* into a row
instead of the model's declared, validated fields.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

PLAIN_TEXT = r"^[^\x00-\x1f\x7f]*$"  # no control characters (newlines, escapes, NUL)


class OrderUpdate(BaseModel):
    """The customer-editable part of an order. Status, totals and owner are not in it."""

    note: str | None = Field(default=None, max_length=500)
    shipping_address: str | None = Field(default=None, min_length=1, max_length=200)


class ProfileUpdate(BaseModel):
    """What a user may change about themselves. `is_admin` belongs to an admin-only model."""

    display_name: str | None = Field(default=None, min_length=1, max_length=50, pattern=PLAIN_TEXT)
    bio_html: str | None = Field(default=None, max_length=2000)
