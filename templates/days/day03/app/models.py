"""The representations that travel over HTTP."""

from pydantic import BaseModel, ConfigDict, Field

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class NoteIn(BaseModel):
    """What a client sends to create (POST) or replace (PUT) a note.

    Rules, each violation answered with 422 by FastAPI:
    - `title` is required: 1 to TITLE_MAX_LENGTH characters after stripping surrounding spaces;
    - `body` is optional (default ""): at most BODY_MAX_LENGTH characters;
    - any other field is an error, so a typo such as "titel" is reported instead of ignored.
    """

    # BEGIN SOLUTION
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: str = Field(min_length=1, max_length=TITLE_MAX_LENGTH)
    body: str = Field(default="", max_length=BODY_MAX_LENGTH)
    # STARTER: model_config = ConfigDict(str_strip_whitespace=True)
    # STARTER: # TODO(day03): enforce the rules above (Field(...) and one more model_config option)
    # STARTER: title: str
    # STARTER: body: str = ""
    # END SOLUTION


class Note(BaseModel):
    """A stored note, as the server returns it."""

    id: int = Field(description="assigned by the server, never reused")
    title: str
    body: str
