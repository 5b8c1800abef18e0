"""Day 23's addition to the Users service: read many users in one request.

    GET /users:batchGet?id=3&id=1  ->  200 [{"id": 1, ...}, {"id": 3, ...}]

The answer is in id order and leaves out ids that do not exist, like most batch APIs: a caller
that needs one answer per id it asked for has to line the rows up itself. The `:batchGet` suffix
is the custom-method style of Google's API guidelines (AIP-231); it cannot clash with
`/users/{user_id}`.

Run it with: uvicorn services.users.batch:create_app --factory --port 8001
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query

from services.users.app import create_app as create_users_app
from services.users.store import User, UserStore

MAX_BATCH = 100
Ids = Annotated[list[int], Query(min_length=1, max_length=MAX_BATCH)]


def create_app(store: UserStore | None = None) -> FastAPI:
    app = create_users_app(store)
    users: UserStore = app.state.store

    @app.get("/users:batchGet")
    def batch_get(id: Ids) -> list[User]:
        found = (users.get(user_id) for user_id in sorted(set(id)))
        return [user for user in found if user is not None]

    return app
