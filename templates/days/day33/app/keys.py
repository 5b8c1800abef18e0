"""JWT signing keys that rotate without logging everybody out.

Every token names the key that signed it in its header (`kid`). After a rotation the service
signs with the new key at once, and still accepts tokens of the previous key for a grace window
(at least a token's lifetime), so tokens issued just before the rotation keep working until
they would have expired anyway. After the window the old key is dead: a token signed with a
leaked key stops working.

The current key lives in the secret manager as {"kid": "...", "key": "..."}; `sync` is called
with what the secret manager says now, and rotates when the kid changed.
"""

from __future__ import annotations

from typing import Any

import jwt

from app.clock import Clock

ALGORITHM = "HS256"
MIN_KEY_LENGTH = 32


class TokenError(Exception):
    """The token is malformed, forged, expired, or signed by an unknown or retired key."""


class KeyRing:
    def __init__(self, *, clock: Clock, grace_seconds: float, token_ttl_seconds: int = 900) -> None:
        if grace_seconds < token_ttl_seconds:
            raise ValueError("the grace window must be at least a token's lifetime")
        self._clock = clock
        self._grace = grace_seconds
        self._ttl = token_ttl_seconds
        self._keys: dict[str, str] = {}
        self._retired_at: dict[str, float] = {}
        self.current_kid: str | None = None

    def sync(self, secret: dict[str, str]) -> None:
        """Adopt the key the secret manager holds now, rotating if its kid is new."""
        if secret["kid"] != self.current_kid:
            self.rotate(secret["kid"], secret["key"])

    def rotate(self, kid: str, key: str) -> None:
        """Make (kid, key) the signing key; the previous one is retired now."""
        if len(key) < MIN_KEY_LENGTH:
            raise ValueError(f"signing key {kid!r} is shorter than {MIN_KEY_LENGTH} characters")
        if kid in self._keys:
            raise ValueError(f"kid {kid!r} was used before; a new key needs a new kid")
        # BEGIN SOLUTION
        if self.current_kid is not None:
            self._retired_at[self.current_kid] = self._clock()
        # STARTER: # TODO(day33): remember when the previous key was retired
        # END SOLUTION
        self._keys[kid] = key
        self.current_kid = kid

    def sign(self, subject: str) -> str:
        """A token for `subject` (sub, iat, exp) signed by the current key, kid in the header."""
        if self.current_kid is None:
            raise TokenError("no signing key yet: call sync() first")
        now = int(self._clock())
        claims = {"sub": subject, "iat": now, "exp": now + self._ttl}
        return jwt.encode(
            claims,
            self._keys[self.current_kid],
            algorithm=ALGORITHM,
            headers={"kid": self.current_kid},
        )

    def verify(self, token: str) -> dict[str, Any]:
        """The token's claims, or TokenError.

        The key is chosen by the header's kid: the current key, or a retired key while
        now < retired_at + grace_seconds. A token without a kid, with an unknown kid, or with a
        kid retired longer than the grace window is refused; so is an expired token.
        """
        # BEGIN SOLUTION
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"malformed token: {exc}") from exc
        if kid not in self._keys:
            raise TokenError("token signed by an unknown key")
        retired_at = self._retired_at.get(kid)
        if retired_at is not None and self._clock() >= retired_at + self._grace:
            raise TokenError(f"key {kid!r} was retired and its grace window is over")
        try:
            claims = jwt.decode(
                token,
                self._keys[kid],
                algorithms=[ALGORITHM],
                options={
                    "require": ["sub", "iat", "exp"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
        except jwt.InvalidTokenError as exc:
            raise TokenError(f"invalid token: {exc}") from exc
        if claims["exp"] <= self._clock():
            raise TokenError("token expired")
        return claims
        # STARTER: raise NotImplementedError("TODO(day33): key by kid, within the grace window")
        # END SOLUTION
