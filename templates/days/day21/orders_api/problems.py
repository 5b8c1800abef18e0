"""One error format for the whole API: RFC 9457 problem details.

Every error response, whoever raised it (a route, FastAPI's validation, Starlette's router),
is `application/problem+json` with these members:

    type      a URI naming the kind of problem; clients branch on it. "about:blank" means
              "nothing more specific than the status code", and then title is the status phrase
    title     a short summary of that kind of problem; the same for every occurrence
    status    the HTTP status code, repeated so the body stands on its own (in logs, in queues)
    detail    what went wrong this time, for a human
    instance  which request it happened to: here, the path of the request

A problem may add extension members; validation problems add `errors`, one entry per bad
input: `{"field": "query.limit", "message": "Input should be less than or equal to 100"}`.

The problem types of this API:

    status  type                                   when
    400     {BASE}/invalid-cursor                  the cursor is malformed, altered or foreign
    404     {BASE}/order-not-found                 no order has the id in the URL
    422     {BASE}/validation-error                the body, path or query failed validation
    4xx     about:blank                            any other HTTP error (unknown URL, 405...)
    500     about:blank                            a bug: an exception no handler expected
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
BASE = "https://shop.example/problems"
INVALID_CURSOR = f"{BASE}/invalid-cursor"
ORDER_NOT_FOUND = f"{BASE}/order-not-found"
VALIDATION_ERROR = f"{BASE}/validation-error"

log = logging.getLogger("orders_api")


class Problem(Exception):
    """Raise from a route to answer with a problem, e.g.
    `raise Problem(404, ORDER_NOT_FOUND, "Order not found", "no order has id 7")`."""

    def __init__(self, status: int, type_: str, title: str, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.type = type_
        self.title = title
        self.detail = detail
        self.extensions = extensions


def problem_response(
    request: Request,
    status: int,
    type_: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """The response for one problem: its status, the five members plus extensions, and the
    problem media type. `headers` are kept (a 405 must still say `Allow`)."""
    # BEGIN SOLUTION
    body = {
        "type": type_,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extensions,
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)
    # STARTER: raise NotImplementedError("TODO(day21): build an application/problem+json response")
    # END SOLUTION


async def handle_problem(request: Request, exc: Problem) -> JSONResponse:
    return problem_response(request, exc.status, exc.type, exc.title, exc.detail, **exc.extensions)


async def handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """HTTP errors that are not ours (no such route, wrong method, a plain HTTPException)."""
    # BEGIN SOLUTION
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    return problem_response(
        request, exc.status_code, "about:blank", phrase, detail, headers=exc.headers
    )
    # STARTER: raise NotImplementedError("TODO(day21): any HTTPException as an about:blank problem")
    # END SOLUTION


async def handle_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422, type validation-error, and one `errors` entry per bad input."""
    # BEGIN SOLUTION
    errors = [
        {"field": ".".join(str(part) for part in err["loc"]), "message": err["msg"]}
        for err in exc.errors()
    ]
    count = "1 input is" if len(errors) == 1 else f"{len(errors)} inputs are"
    return problem_response(
        request,
        422,
        VALIDATION_ERROR,
        "Your request is not valid",
        f"{count} not valid; see errors",
        errors=errors,
    )
    # STARTER: raise NotImplementedError("TODO(day21): 422 validation-error with an errors list")
    # END SOLUTION


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug: log it with its traceback, and tell the client only that it happened (500).
    The exception's message may hold SQL, file paths or data: it stays in the log."""
    # BEGIN SOLUTION
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request,
        500,
        "about:blank",
        HTTPStatus.INTERNAL_SERVER_ERROR.phrase,
        "the server failed to answer this request; the error has been logged",
    )
    # STARTER: raise NotImplementedError("TODO(day21): log it, answer a 500 problem")
    # END SOLUTION


def install_problem_handlers(app: FastAPI) -> None:
    """Route every kind of error through the handlers above (given)."""
    app.add_exception_handler(Exception, handle_unexpected)
    app.add_exception_handler(Problem, handle_problem)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
