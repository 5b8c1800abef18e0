"""Day 2: hello-world HTTP endpoints with FastAPI.

Run the server with auto-reload, then open http://127.0.0.1:8000/docs:

    uv run uvicorn app.main:app --reload

Endpoints:

    GET /               a JSON greeting from the service
    GET /hello/{name}   a personal greeting; invalid names are rejected with 422
    GET /health         liveness: {"status": "ok"}
    GET /info           which language, runtime and framework answer you

Every response carries an X-Request-Id header (echoed from the request when it is safe,
generated otherwise), so one request can be followed through logs and services.
"""

from __future__ import annotations

import platform
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

import fastapi
from fastapi import FastAPI, Path, Request, Response
from pydantic import BaseModel

SERVICE_NAME = "hello-backend"

# What /info reports: facts about the process that is answering.
LANGUAGE = "python"
RUNTIME = platform.python_implementation()  # "CPython", "PyPy", ...
RUNTIME_VERSION = platform.python_version()  # "3.12.4"
FRAMEWORK = "fastapi"
FRAMEWORK_VERSION = fastapi.__version__
REQUEST_ID_HEADER = "X-Request-Id"

# A request id we accept from a client: 1 to 64 letters, digits, dots, underscores or dashes.
# Anything else (too long, spaces, control characters) is replaced, never copied into our logs.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

# A name: letters, optionally joined by single hyphens or apostrophes ("Jean-Luc", "O'Neil"),
# at most NAME_MAX_LENGTH characters.
NAME_PATTERN = r"^[A-Za-z]+(?:['-][A-Za-z]+)*$"
NAME_MAX_LENGTH = 40


class Message(BaseModel):
    message: str
    service: str


class Greeting(BaseModel):
    greeting: str
    name: str


class Health(BaseModel):
    status: str


class Info(BaseModel):
    service: str
    language: str
    runtime: str
    runtime_version: str
    framework: str
    framework_version: str


app = FastAPI(title="Hello Backend", version="0.1.0")


def new_request_id() -> str:
    """A fresh, unique request id: 32 hexadecimal characters."""
    return uuid.uuid4().hex


@app.middleware("http")
async def request_id_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Runs around every request: put an X-Request-Id header on every response.

    Echo the client's X-Request-Id when it matches SAFE_REQUEST_ID completely; otherwise (missing,
    too long, odd characters) use new_request_id().
    """
    # BEGIN SOLUTION
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    request_id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else new_request_id()
    request.state.request_id = request_id
    response = await call_next(request)
    response.headers[REQUEST_ID_HEADER] = request_id
    return response
    # STARTER: # TODO(day02): echo a safe X-Request-Id, or generate one, on every response
    # STARTER: return await call_next(request)
    # END SOLUTION


@app.get("/")
def root() -> Message:
    """{"message": "Hello, backend!", "service": SERVICE_NAME}"""
    # BEGIN SOLUTION
    return Message(message="Hello, backend!", service=SERVICE_NAME)
    # STARTER: raise NotImplementedError("TODO(day02): return the greeting message")
    # END SOLUTION


# BEGIN SOLUTION
@app.get("/hello/{name}")
def hello(
    name: Annotated[
        str,
        Path(description="who to greet", max_length=NAME_MAX_LENGTH, pattern=NAME_PATTERN),
    ],
    shout: bool = False,
) -> Greeting:
    """{"greeting": "Hello, Ada!", "name": "Ada"}; with ?shout=true the greeting is upper case."""
    greeting = f"Hello, {name}!"
    return Greeting(greeting=greeting.upper() if shout else greeting, name=name)


# STARTER: @app.get("/hello/{name}")
# STARTER: def hello(
# STARTER:     name: Annotated[str, Path(description="who to greet")],
# STARTER:     shout: bool = False,
# STARTER: ) -> Greeting:
# STARTER:     """{"greeting": "Hello, Ada!", "name": "Ada"}; ?shout=true: upper case."""
# STARTER:     # TODO(day02): let Path() reject invalid names (NAME_PATTERN, NAME_MAX_LENGTH)
# STARTER:     raise NotImplementedError("TODO(day02): greet the caller by name")
# STARTER:
# STARTER:
# END SOLUTION
@app.get("/health")
def health() -> Health:
    """Liveness: the process is up and able to answer."""
    # BEGIN SOLUTION
    return Health(status="ok")
    # STARTER: raise NotImplementedError("TODO(day02): report that the service is up")
    # END SOLUTION


@app.get("/info")
def info() -> Info:
    """Who is answering: the service, language, runtime and framework (see the constants above)."""
    # BEGIN SOLUTION
    return Info(
        service=SERVICE_NAME,
        language=LANGUAGE,
        runtime=RUNTIME,
        runtime_version=RUNTIME_VERSION,
        framework=FRAMEWORK,
        framework_version=FRAMEWORK_VERSION,
    )
    # STARTER: raise NotImplementedError("TODO(day02): describe the language and runtime")
    # END SOLUTION
