"""Signed access tokens (JWT, HS256) with an expiry.

A JWT is three base64url parts: header.payload.signature. Anyone can READ the payload; only a
holder of the secret can produce a valid signature, so the server can trust a token it signed
without storing it. Put identifiers in it, never secrets.

Time comes from an injected `now` so tests can move the clock. PyJWT would compare `exp` and
`iat` with the machine's clock, so those two checks are done here against `now` instead:
moved, not skipped. Signature, algorithm and required claims are still PyJWT's job.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import jwt

ALGORITHM = "HS256"


class TokenError(Exception):
    """The token is malformed, forged, expired or missing a claim."""


def create_access_token(subject: str, *, secret: str, now: datetime, ttl_seconds: int) -> str:
    """A token for `subject` (the user id) with claims sub, iat and exp (whole seconds)."""
    # BEGIN SOLUTION
    issued_at = int(now.timestamp())
    claims = {"sub": subject, "iat": issued_at, "exp": issued_at + ttl_seconds}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)
    # STARTER: raise NotImplementedError("TODO(day10): encode sub/iat/exp with HS256")
    # END SOLUTION


def peek_claims(token: str) -> dict[str, Any]:
    """Read a token's payload WITHOUT checking anything, to show that a JWT is not encrypted.

    Fine for debugging and logging; never base a decision on what this returns.
    """
    return jwt.decode(token, options={"verify_signature": False})


def decode_access_token(token: str, *, secret: str, now: datetime) -> dict[str, Any]:
    """Verify the token and return its claims, or raise TokenError.

    Rejects: a bad signature, any algorithm but HS256 (including "none"), a missing sub/iat/exp,
    a token whose exp is at or before `now`, and one issued after `now`.
    """
    # BEGIN SOLUTION
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={
                "require": ["sub", "iat", "exp"],
                "verify_exp": False,
                "verify_iat": False,
            },
        )
    except jwt.InvalidTokenError as exc:
        raise TokenError(str(exc)) from exc
    current = now.timestamp()
    if claims["exp"] <= current:
        raise TokenError("token expired")
    if claims["iat"] > current:
        raise TokenError("token issued in the future")
    return claims
    # STARTER: raise NotImplementedError("TODO(day10): jwt.decode, then check exp/iat against now")
    # END SOLUTION
