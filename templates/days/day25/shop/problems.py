"""Errors as RFC 9457 problem documents (given).

Every error the shop returns has the media type `application/problem+json` and the shape of
`Problem`. `problem()` builds the OpenAPI description of such a response for a route's
`responses=`; the handlers make the app really answer that way.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_SCHEMA_REF = "#/components/schemas/Problem"
TYPE_BASE = "https://shop.example.com/problems/"


class Problem(BaseModel):
    """An error, described for people and for programs (RFC 9457)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "user 42 not found",
                }
            ]
        }
    )

    type: str = Field(description="A URI naming the kind of problem; programs switch on it.")
    title: str = Field(description="A short summary of the kind of problem, the same every time.")
    status: int = Field(ge=400, le=599, description="The HTTP status code of this response.")
    detail: str = Field(description="What went wrong this time, for a person to read.")


class ProblemError(Exception):
    """Raise it in a route to answer with a problem document."""

    def __init__(self, status: int, kind: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = Problem(type=TYPE_BASE + kind, title=title, status=status, detail=detail)


def problem(description: str, example: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI response object of one error: a problem document, with an example of it.

    Use it in a route: `responses={404: problem("No user has this id.", example={...})}`.
    """
    return {
        "description": description,
        "content": {
            PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_SCHEMA_REF}, "example": example}
        },
    }


def problem_response(problem_document: Problem) -> JSONResponse:
    return JSONResponse(
        problem_document.model_dump(),
        status_code=problem_document.status,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Turn raised ProblemErrors, HTTP errors (404 of unknown paths) and bad input into problems."""

    @app.exception_handler(ProblemError)
    async def on_problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.problem)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not Found", 405: "Method Not Allowed"}.get(exc.status_code, "HTTP Error")
        kind = title.lower().replace(" ", "-")
        status = exc.status_code
        return problem_response(
            Problem(type=TYPE_BASE + kind, title=title, status=status, detail=str(exc.detail))
        )

    @app.exception_handler(RequestValidationError)
    async def on_invalid_input(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return problem_response(
            Problem(
                type=TYPE_BASE + "invalid-input",
                title="Invalid Input",
                status=422,
                detail=f"{where}: {first['msg']}",
            )
        )
