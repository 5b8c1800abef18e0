"""The shop's HTTP API, with its rate limiter, sessions and leaderboard in Redis.

Run it with: uvicorn app.shop:create_app --factory --port 8000
(REDIS_URL picks the Redis; unset, an in-memory fakeredis is used.)

- every request but /health is counted by the rate limiter, per client address;
- POST /cart/items puts a product in the cart of the visitor's session (anonymous is fine);
- POST /login checks the password and turns the session into a logged-in one;
- GET /me, POST /checkout and POST /logout need a logged-in session;
- GET /leaderboard and GET /leaderboard/{sku} read the best sellers.
"""

from __future__ import annotations

from typing import Any

import redis
from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.clock import Clock, SystemClock
from app.config import redis_client
from app.leaderboard import Leaderboard
from app.ratelimit import SlidingWindowLimiter
from app.sessions import SessionStore
from app.users import Customers, demo_customers

COOKIE = "sid"


class Credentials(BaseModel):
    email: str = Field(max_length=200)
    password: str = Field(max_length=200)


class CartItem(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0, le=100)


def create_app(
    r: redis.Redis | None = None,
    clock: Clock | None = None,
    *,
    limit: int = 5,
    window_seconds: int = 60,
    rate_limited: bool = True,
    session_ttl_seconds: int = 30 * 60,
    customers: Customers | None = None,
) -> FastAPI:
    r = r if r is not None else redis_client()
    clock = clock if clock is not None else SystemClock()
    limiter = SlidingWindowLimiter(r, clock, limit, window_seconds) if rate_limited else None
    sessions = SessionStore(r, session_ttl_seconds)
    board = Leaderboard(r)
    customers = customers if customers is not None else demo_customers()
    app = FastAPI(title="shop")

    @app.middleware("http")
    async def rate_limit(request: Request, call_next):
        if limiter is None or request.url.path == "/health":
            return await call_next(request)
        client = request.client.host if request.client else "unknown"
        decision = limiter.hit(client)
        # BEGIN SOLUTION
        if not decision.allowed:
            return JSONResponse(
                status_code=429,
                content={"detail": "too many requests, slow down"},
                headers={
                    "Retry-After": str(decision.retry_after),
                    "X-RateLimit-Limit": str(decision.limit),
                    "X-RateLimit-Remaining": "0",
                },
            )
        response = await call_next(request)
        response.headers["X-RateLimit-Limit"] = str(decision.limit)
        response.headers["X-RateLimit-Remaining"] = str(decision.remaining)
        return response
        # STARTER: return JSONResponse({"detail": "TODO(day27): 429 with Retry-After"}, 501)
        # END SOLUTION

    def set_session_cookie(response: Response, session_id: str) -> None:
        response.set_cookie(
            COOKIE, session_id, max_age=session_ttl_seconds, httponly=True, samesite="lax"
        )

    def logged_in(request: Request) -> tuple[str, dict[str, Any]]:
        session_id = request.cookies.get(COOKIE)
        data = sessions.get(session_id)
        if session_id is None or data is None or "user" not in data:
            raise HTTPException(401, detail="log in first")
        return session_id, data

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/cart/items", status_code=201)
    def add_to_cart(item: CartItem, request: Request, response: Response) -> dict[str, Any]:
        session_id = request.cookies.get(COOKIE)
        data = sessions.get(session_id)
        if session_id is None or data is None:
            data = {"cart": []}
            session_id = sessions.create(data)
            set_session_cookie(response, session_id)
        data.setdefault("cart", []).append(item.model_dump())
        sessions.save(session_id, data)
        return {"cart": data["cart"]}

    @app.post("/login")
    def login(body: Credentials, request: Request, response: Response) -> dict[str, str]:
        customer = customers.authenticate(body.email, body.password)
        if customer is None:
            raise HTTPException(401, detail="wrong e-mail or password")
        old_id = request.cookies.get(COOKIE)
        data = sessions.get(old_id)
        # Keep what the visitor did before logging in (the cart), under a session id the
        # visitor has never had before; store the user in it and send the new cookie.
        # BEGIN SOLUTION
        new_id = sessions.rotate(old_id) if old_id is not None and data is not None else None
        if new_id is None:
            data = {"cart": []}
            new_id = sessions.create(data)
        data["user"] = customer.email
        sessions.save(new_id, data)
        set_session_cookie(response, new_id)
        return {"user": customer.email}
        # STARTER: raise HTTPException(501, detail="TODO(day27): rotate the session id on login")
        # END SOLUTION

    @app.get("/me")
    def me(request: Request) -> dict[str, Any]:
        _, data = logged_in(request)
        return {"user": data["user"], "cart": data.get("cart", [])}

    @app.post("/checkout")
    def checkout(request: Request) -> dict[str, Any]:
        session_id, data = logged_in(request)
        cart = data.get("cart", [])
        if not cart:
            raise HTTPException(409, detail="the cart is empty")
        for item in cart:
            board.record_sale(item["sku"], item["quantity"])
        data["cart"] = []
        sessions.save(session_id, data)
        return {"ordered": cart}

    @app.post("/logout", status_code=204)
    def logout(request: Request, response: Response) -> None:
        session_id = request.cookies.get(COOKIE)
        if session_id:
            sessions.destroy(session_id)
        response.delete_cookie(COOKIE)

    @app.get("/leaderboard")
    def leaderboard(limit: int = 10) -> list[dict[str, Any]]:
        if not 1 <= limit <= 100:
            raise HTTPException(422, detail="limit must be between 1 and 100")
        return [vars(entry) for entry in board.top(limit)]

    @app.get("/leaderboard/{sku}")
    def rank_of(sku: str) -> dict[str, Any]:
        entry = board.rank_of(sku)
        if entry is None:
            raise HTTPException(404, detail=f"{sku} has not sold yet")
        return vars(entry)

    return app
