"""The Users service: the only owner of user data.

Run it with: uvicorn services.users.app:create_app --factory --port 8001
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException

from services.users.store import NewUser, User, UserStore


def create_app(store: UserStore | None = None) -> FastAPI:
    store = store if store is not None else UserStore()
    app = FastAPI(title="users service")
    app.state.store = store

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/users", status_code=201)
    def create_user(body: NewUser) -> User:
        # BEGIN SOLUTION
        user = store.add(body)
        if user is None:
            raise HTTPException(409, detail="email already registered")
        return user
        # STARTER: raise HTTPException(501, detail="TODO(day12): save the user, 409 if email taken")
        # END SOLUTION

    @app.get("/users/{user_id}")
    def get_user(user_id: int) -> User:
        # BEGIN SOLUTION
        user = store.get(user_id)
        if user is None:
            raise HTTPException(404, detail=f"user {user_id} not found")
        return user
        # STARTER: raise HTTPException(501, detail="TODO(day12): return the user, or 404")
        # END SOLUTION

    return app
