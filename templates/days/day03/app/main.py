"""Day 3: a small REST service for notes, with the right methods and status codes.

Run it with `uv run uvicorn app.main:app --reload`, then try it with curl -i or at /docs.

    Method  Path              Success                          Failure
    POST    /notes            201 + Location + the new note    422 invalid body
    GET     /notes            200 + every note
    GET     /notes/{note_id}  200 + the note                   404 no such note
    PUT     /notes/{note_id}  200 + the replaced note          404 no such note, 422 invalid body
    DELETE  /notes/{note_id}  204, empty body                  404 no such note

Any other method on these paths: 405 with an Allow header listing the methods that do work.
"""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.models import Note, NoteIn
from app.store import NoteStore

app = FastAPI(title="Notes", version="0.1.0")

_store = NoteStore()


def get_store() -> NoteStore:
    """The store the endpoints use. Tests swap it through app.dependency_overrides."""
    return _store


Store = Annotated[NoteStore, Depends(get_store)]


def note_not_found(note_id: int) -> HTTPException:
    return HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"note {note_id} not found")


def allowed_methods(path: str) -> list[str]:
    """Every HTTP method that some route of this app accepts for `path`, sorted."""
    methods: set[str] = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path_regex.match(path):
            methods |= route.methods
    return sorted(methods)


@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """Answer every HTTP error (404, 405, ...) as JSON: {"detail": ...}.

    The framework's own 405 lists only *one* route's methods in its Allow header. HTTP requires
    a 405 to list every method the target supports, so fix that header here.
    """
    headers = dict(exc.headers or {})
    # BEGIN SOLUTION
    if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        headers["Allow"] = ", ".join(allowed_methods(request.url.path))
    # STARTER: # TODO(day03): on a 405, set the Allow header from allowed_methods(...)
    # END SOLUTION
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


@app.get("/notes")
def list_notes(store: Store) -> list[Note]:
    """Every note, oldest first (an empty list is a fine answer: still 200)."""
    # BEGIN SOLUTION
    return store.all()
    # STARTER: raise NotImplementedError("TODO(day03): return every note")
    # END SOLUTION


# BEGIN SOLUTION
@app.post("/notes", status_code=status.HTTP_201_CREATED)
# STARTER: @app.post("/notes")  # TODO(day03): which status code says "created"?
# END SOLUTION
def create_note(data: NoteIn, request: Request, response: Response, store: Store) -> Note:
    """Store a new note; tell the client where it lives with a Location header."""
    # BEGIN SOLUTION
    note = store.create(data)
    response.headers["Location"] = str(request.url_for("get_note", note_id=note.id))
    return note
    # STARTER: raise NotImplementedError("TODO(day03): create the note, set Location")
    # END SOLUTION


@app.get("/notes/{note_id}")
def get_note(note_id: int, store: Store) -> Note:
    """One note, or 404 with {"detail": "note <id> not found"}."""
    # BEGIN SOLUTION
    note = store.get(note_id)
    if note is None:
        raise note_not_found(note_id)
    return note
    # STARTER: raise NotImplementedError("TODO(day03): return the note, or 404")
    # END SOLUTION


@app.put("/notes/{note_id}")
def replace_note(note_id: int, data: NoteIn, store: Store) -> Note:
    """Replace the whole note (a field left out gets its default). Never creates a note."""
    # BEGIN SOLUTION
    note = store.replace(note_id, data)
    if note is None:
        raise note_not_found(note_id)
    return note
    # STARTER: raise NotImplementedError("TODO(day03): replace the note, or 404")
    # END SOLUTION


# BEGIN SOLUTION
@app.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
# STARTER: @app.delete("/notes/{note_id}")  # TODO(day03): success here has no body
# END SOLUTION
def delete_note(note_id: int, store: Store) -> Response:
    """Remove the note: 204 and no body at all; 404 when there is no such note."""
    # BEGIN SOLUTION
    if not store.delete(note_id):
        raise note_not_found(note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
    # STARTER: raise NotImplementedError("TODO(day03): delete the note, or 404")
    # END SOLUTION
