"""One error shape for the whole API.

Every error response, whether raised by our routes or by the framework, has this body:

    {"error": {"code": "user_not_found", "message": "user 42 does not exist"}}

`code` is a stable, machine-readable string that clients can branch on; `message` is for humans
and may change wording at any time. Validation errors add a `details` list naming each bad
field. The codes this API uses:

    status  code                  when
    404     user_not_found        the user id in the URL does not exist
    404     order_not_found       the order id in the URL does not exist
    404     not_found             no route matches the URL at all
    405     method_not_allowed    the route exists but not with this method
    409     email_taken           another user already has this email
    409     user_has_orders       a user cannot be deleted while they still have orders
    422     validation_error      the body, path or query failed validation
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class ApiError(Exception):
    """Raise this from a route to answer with an error body, e.g.
    `raise ApiError(404, "user_not_found", "user 7 does not exist")`."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict:
    """Build the JSON error body. `details` is only included when given."""
    # BEGIN SOLUTION
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}
    # STARTER: raise NotImplementedError("TODO(day04): build {'error': {'code', 'message'}}")
    # END SOLUTION


async def api_error_handler(request: Request, exc: ApiError) -> JSONResponse:
    """Turn an ApiError into a JSON response with its status code and the error body."""
    # BEGIN SOLUTION
    return JSONResponse(status_code=exc.status_code, content=error_body(exc.code, exc.message))
    # STARTER: raise NotImplementedError("TODO(day04): JSONResponse with the error's status")
    # END SOLUTION


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    """Answer 422 with code `validation_error` and one detail per problem:
    `{"field": "body.email", "message": "String should match pattern ..."}`."""
    # BEGIN SOLUTION
    details = [
        {"field": ".".join(str(part) for part in err["loc"]), "message": err["msg"]}
        for err in exc.errors()
    ]
    return JSONResponse(
        status_code=422,
        content=error_body("validation_error", "the request is not valid", details),
    )
    # STARTER: raise NotImplementedError("TODO(day04): 422 validation_error with details")
    # END SOLUTION


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """Framework errors (unknown URL, wrong method) get the same shape as ours (given)."""
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return JSONResponse(
        status_code=exc.status_code,
        content=error_body(code, str(exc.detail)),
        headers=getattr(exc, "headers", None),
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
