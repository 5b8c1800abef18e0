"""Signup, login and a protected endpoint.

Run it: load .env into the environment, then
    uvicorn app.main:create_app --factory --reload

Authentication (authn) answers "who are you?": /login checks a password and hands out a token.
Authorisation (authz) answers "what may you do?": here only "a valid token may read /me".
"""

# No `from __future__ import annotations` here: FastAPI must see the real Depends(...) objects
# of the dependencies defined inside create_app.
import functools
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator

from app import passwords, tokens
from app.config import Clock, Settings, settings_from_env, utc_now
from app.users import User, UserStore

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
LOGIN_FAILED = "Invalid email or password"
BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class Credentials(BaseModel):
    email: str = Field(min_length=3, max_length=254, pattern=EMAIL_PATTERN)
    password: str = Field(min_length=8, max_length=128)

    @field_validator("email", mode="before")
    @classmethod
    def normalise_email(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value


class UserOut(BaseModel):
    id: str
    email: str


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


@functools.cache
def dummy_hash() -> str:
    """A hash to verify against when the email is unknown, so that a miss costs as much time
    as a wrong password and response times do not reveal which emails exist."""
    return passwords.hash_password("not-a-real-password-only-for-timing")


def unauthorized(detail: str) -> HTTPException:
    """401 with the header that tells the client which scheme to use."""
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=detail, headers=BEARER_CHALLENGE)


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock = utc_now,
    store: UserStore | None = None,
) -> FastAPI:
    settings = settings or settings_from_env()
    store = store if store is not None else UserStore()
    bearer = HTTPBearer(auto_error=False)

    app = FastAPI(title="Day 10: auth basics")
    app.state.store = store

    def issue_token(user: User) -> TokenOut:
        """Sign an access token for `user` with the configured secret, clock and lifetime."""
        token = tokens.create_access_token(
            user.id,
            secret=settings.jwt_secret,
            now=clock(),
            ttl_seconds=settings.access_token_ttl_seconds,
        )
        return TokenOut(access_token=token, expires_in=settings.access_token_ttl_seconds)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> User:
        """The user named by a valid `Authorization: Bearer <token>` header, else 401.

        Missing header, another scheme, a token that fails decode_access_token, or a token for
        a user that no longer exists: all 401 with unauthorized(...). Use
        tokens.decode_access_token with the settings' secret and clock().
        """
        # BEGIN SOLUTION
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise unauthorized("Not authenticated")
        try:
            claims = tokens.decode_access_token(
                credentials.credentials, secret=settings.jwt_secret, now=clock()
            )
        except tokens.TokenError as exc:
            raise unauthorized("Invalid or expired token") from exc
        user = store.get(claims["sub"])
        if user is None:
            raise unauthorized("Invalid or expired token")
        return user
        # STARTER: raise NotImplementedError("TODO(day10): decode the bearer token, load the user")
        # END SOLUTION

    @app.post("/signup", status_code=status.HTTP_201_CREATED, response_model=UserOut)
    def signup(body: Credentials) -> UserOut:
        """Create a user from an email and password: store only the hash; 409 if taken."""
        # BEGIN SOLUTION
        if store.get_by_email(body.email) is not None:
            raise HTTPException(status.HTTP_409_CONFLICT, "Email already registered")
        user = store.add(body.email, passwords.hash_password(body.password))
        return UserOut(id=user.id, email=user.email)
        # STARTER: raise NotImplementedError("TODO(day10): hash the password and add the user")
        # END SOLUTION

    @app.post("/login", response_model=TokenOut)
    def login(body: Credentials) -> TokenOut:
        """Check the password and issue a token. Unknown email and wrong password get the
        same 401 (LOGIN_FAILED), so the answer does not reveal which emails exist. For an
        unknown email, still verify against dummy_hash() so both cases take as long."""
        # BEGIN SOLUTION
        user = store.get_by_email(body.email)
        if user is None:
            passwords.verify_password(dummy_hash(), body.password)
            raise unauthorized(LOGIN_FAILED)
        if not passwords.verify_password(user.password_hash, body.password):
            raise unauthorized(LOGIN_FAILED)
        return issue_token(user)
        # STARTER: raise NotImplementedError("TODO(day10): verify the password, issue a token")
        # END SOLUTION

    @app.get("/me", response_model=UserOut)
    def me(user: Annotated[User, Depends(current_user)]) -> UserOut:
        return UserOut(id=user.id, email=user.email)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
