"""What the model must answer for a support ticket, as a pydantic model and its JSON Schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["delivery", "refund", "product", "account", "other"]


class TicketTriage(BaseModel):
    # extra="forbid" puts "additionalProperties": false in the schema, as strict mode requires.
    model_config = ConfigDict(extra="forbid")

    category: Category
    urgency: int = Field(ge=1, le=5, description="1 = whenever, 5 = customer blocked now")
    summary: str = Field(max_length=200, description="one sentence, in English")
    order_id: int | None = Field(description="the order number the ticket is about, if any")


SCHEMA_NAME = "ticket_triage"


def response_format() -> dict[str, Any]:
    """The `response_format` of the request: JSON that follows TicketTriage's schema, strictly.

    Shape: {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "strict": True,
    "schema": <TicketTriage's JSON Schema>}}.
    """
    # BEGIN SOLUTION
    return {
        "type": "json_schema",
        "json_schema": {
            "name": SCHEMA_NAME,
            "strict": True,
            "schema": TicketTriage.model_json_schema(),
        },
    }
    # STARTER: raise NotImplementedError("TODO(day42): the json_schema response format")
    # END SOLUTION
