"""Checking an OpenID Connect ID token (OIDC Core 1.0, section 3.1.3.7).

An ID token is a JWT the provider signs with its private RSA key (RS256). The provider publishes
the matching public keys as a JWKS (JSON Web Key Set), each key named by a `kid`; the token's
header names the `kid` that signed it. Reading the claims is easy; *trusting* them needs every
check below, because the token travelled through places the client does not control.

Time comes from an injected `now`: PyJWT would compare `exp` with the machine's clock, so that
check is done here against `now` instead (moved, not skipped).
"""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any

import jwt

ALGORITHM = "RS256"
REQUIRED_CLAIMS = ["iss", "sub", "aud", "exp", "iat", "nonce"]


class IdTokenError(Exception):
    """The ID token cannot be trusted: say why in the message, never include the token."""


def find_key(jwks: dict[str, Any], kid: str | None) -> Any:
    """The public key of the JWKS entry whose `kid` matches, or IdTokenError."""
    for entry in jwks.get("keys", []):
        if kid is not None and entry.get("kid") == kid:
            try:
                return jwt.PyJWK.from_dict(entry).key
            except jwt.PyJWTError as exc:
                raise IdTokenError(f"unusable key {kid!r} in the JWKS") from exc
    raise IdTokenError(f"no key {kid!r} in the provider's JWKS")


def verify_id_token(
    token: str,
    *,
    jwks: dict[str, Any],
    issuer: str,
    client_id: str,
    nonce: str,
    now: datetime,
) -> dict[str, Any]:
    """Verify `token` and return its claims, or raise IdTokenError.

    Rejects a token that is malformed; not signed with RS256; signed by a key whose `kid` is not
    in `jwks` or whose signature does not verify with that key; from another issuer (`iss`);
    meant for another client (`aud`); missing a required claim; expired (`exp` at or before
    `now`); issued after `now`; or carrying a `nonce` other than the one this login sent.
    """
    # BEGIN SOLUTION
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise IdTokenError("malformed ID token") from exc
    if header.get("alg") != ALGORITHM:
        raise IdTokenError(f"ID token signed with {header.get('alg')!r}, expected {ALGORITHM}")
    key = find_key(jwks, header.get("kid"))
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=client_id,
            issuer=issuer,
            options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
        )
    except jwt.PyJWTError as exc:
        raise IdTokenError(f"ID token rejected: {exc}") from exc
    current = now.timestamp()
    if claims["exp"] <= current:
        raise IdTokenError("ID token expired")
    if claims["iat"] > current:
        raise IdTokenError("ID token issued in the future")
    if not hmac.compare_digest(str(claims["nonce"]), nonce):
        raise IdTokenError("ID token nonce does not match this login")
    return claims
    # STARTER: raise NotImplementedError("TODO(day31): signature by kid, iss, aud, exp, nonce")
    # END SOLUTION
