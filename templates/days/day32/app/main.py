"""The shop's API, hardened against the OWASP API Security Top 10 classics.

    GET    /products/search?q=...   public; q is data, never SQL
    GET    /orders                  your orders
    GET    /orders/{id}             yours, else 404
    PATCH  /orders/{id}             note and shipping address only; yours, else 404
    DELETE /orders/{id}             yours, else 404
    PATCH  /me                      display name and bio; nothing else
    GET    /users/{id}/profile      public HTML page
    GET    /admin/orders            admins only (403 for others)

Callers authenticate with `Authorization: Bearer <api token>` (day 10 and day 31 show how tokens
are issued; here they are seeded).

Run it: uv run python -m app.main   (uvicorn with server_config below)
"""

# No `from __future__ import annotations`: FastAPI must see the real Depends(...) objects.
from typing import Annotated, Any

import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Query, Response
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app import repo
from app.db import Database, token_digest
from app.html import clean_bio, profile_page
from app.schemas import OrderUpdate, ProfileUpdate
from app.security import security_layer
from app.seed import seed

User = dict[str, Any]
ORDER_NOT_FOUND = "order not found"


def create_app(db: Database) -> FastAPI:
    # No /docs or /openapi.json in production: less to explore for an attacker (API9).
    app = FastAPI(title="Day 32: shop API", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db = db
    app.middleware("http")(security_layer)
    bearer = HTTPBearer(auto_error=False)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> User:
        if credentials is None:
            raise HTTPException(401, "not authenticated", headers={"WWW-Authenticate": "Bearer"})
        user = repo.user_by_token(db, token_digest(credentials.credentials))
        if user is None:
            raise HTTPException(401, "not authenticated", headers={"WWW-Authenticate": "Bearer"})
        return user

    CurrentUser = Annotated[User, Depends(current_user)]

    @app.get("/products/search")
    def search(q: Annotated[str, Query(min_length=1, max_length=100)]) -> list[dict[str, Any]]:
        return repo.search_products(db, q)

    @app.get("/orders")
    def my_orders(user: CurrentUser) -> list[dict[str, Any]]:
        """Only the caller's orders, whatever the query string says."""
        # BEGIN SOLUTION
        return repo.list_orders(db, user["id"])
        # STARTER: raise HTTPException(501, "TODO(day32): the caller's orders only")
        # END SOLUTION

    @app.get("/orders/{order_id}")
    def read_order(order_id: int, user: CurrentUser) -> dict[str, Any]:
        """The order if it is the caller's; 404 ORDER_NOT_FOUND if it is someone else's or
        does not exist, so the answer does not reveal which ids exist."""
        # BEGIN SOLUTION
        order = repo.get_order(db, order_id, user["id"])
        if order is None:
            raise HTTPException(404, ORDER_NOT_FOUND)
        return order
        # STARTER: raise HTTPException(501, "TODO(day32): the caller's order, else 404")
        # END SOLUTION

    @app.patch("/orders/{order_id}")
    def edit_order(order_id: int, body: OrderUpdate, user: CurrentUser) -> dict[str, Any]:
        """Change the fields the client actually sent, among OrderUpdate's; same 404 rule."""
        # BEGIN SOLUTION
        order = repo.update_order(
            db, order_id, user["id"], body.model_dump(exclude_unset=True, exclude_none=True)
        )
        if order is None:
            raise HTTPException(404, ORDER_NOT_FOUND)
        return order
        # STARTER: raise HTTPException(501, "TODO(day32): declared fields only, owner only")
        # END SOLUTION

    @app.delete("/orders/{order_id}", status_code=204)
    def cancel_order(order_id: int, user: CurrentUser) -> Response:
        """204 when the caller's order was deleted; same 404 rule."""
        # BEGIN SOLUTION
        if not repo.delete_order(db, order_id, user["id"]):
            raise HTTPException(404, ORDER_NOT_FOUND)
        return Response(status_code=204)
        # STARTER: raise HTTPException(501, "TODO(day32): delete the caller's order, else 404")
        # END SOLUTION

    @app.patch("/me")
    def edit_profile(body: ProfileUpdate, user: CurrentUser) -> dict[str, Any]:
        """Update the caller's own profile; the bio is cleaned (clean_bio) before it is stored."""
        # BEGIN SOLUTION
        changes = body.model_dump(exclude_unset=True, exclude_none=True)
        if "bio_html" in changes:
            changes["bio_html"] = clean_bio(changes["bio_html"])
        repo.update_profile(db, user["id"], changes)
        return repo.get_profile(db, user["id"])
        # STARTER: raise HTTPException(501, "TODO(day32): declared fields only, bio cleaned")
        # END SOLUTION

    @app.get("/users/{user_id}/profile", response_class=HTMLResponse)
    def show_profile(user_id: int) -> str:
        profile = repo.get_profile(db, user_id)
        if profile is None:
            raise HTTPException(404, "user not found")
        return profile_page(profile["display_name"], profile["bio_html"])

    @app.get("/admin/orders")
    def admin_orders(user: CurrentUser) -> list[dict[str, Any]]:
        # 403, not 404: that an admin area exists is no secret; which orders exist is.
        if not user["is_admin"]:
            raise HTTPException(403, "admins only")
        return repo.all_orders(db)

    return app


def server_config(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> uvicorn.Config:
    """How the shop is served. The `Server: uvicorn` header tells attackers what to look up in
    vulnerability databases, so it is switched off here (uvicorn adds it, not the app)."""
    # BEGIN SOLUTION
    return uvicorn.Config(app, host=host, port=port, server_header=False, proxy_headers=False)
    # STARTER: return uvicorn.Config(app, host=host, port=port)  # TODO(day32): no Server banner
    # END SOLUTION


if __name__ == "__main__":
    uvicorn.Server(server_config(create_app(seed(Database())))).run()
