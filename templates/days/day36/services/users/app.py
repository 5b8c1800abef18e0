"""The Users service: the only owner of user data.

Since day 36 it writes JSON logs; the logger's redaction keeps e-mail addresses out of them.

Run it with: uvicorn services.users.app:create_app --factory --port 8001
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI, HTTPException

from observability.logs import build_logger
from observability.middleware import Clock, instrument
from services.users.store import NewUser, User, UserStore


def create_app(
    store: UserStore | None = None, log: Any = None, clock: Clock = time.perf_counter
) -> FastAPI:
    store = store if store is not None else UserStore()
    log = log if log is not None else build_logger("users")
    app = FastAPI(title="users service")
    app.state.store = store
    instrument(app, log, clock)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/users", status_code=201)
    def create_user(body: NewUser) -> User:
        user = store.add(body)
        if user is None:
            log.info("email already registered", email=body.email)
            raise HTTPException(409, detail="email already registered")
        # The whole record goes to the log on purpose: redaction must catch the e-mail address.
        log.info("user created", user=user.model_dump())
        return user

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> User:
        user = store.get(user_id)
        if user is None:
            raise HTTPException(404, detail=f"user {user_id} not found")
        log.info("user found", user_id=user_id)
        return user

    return app
