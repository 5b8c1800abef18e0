"""PKCE, Proof Key for Code Exchange (RFC 7636).

The client makes a one-time secret, the *code verifier*, and sends only its SHA-256 hash, the
*code challenge*, in the authorization request (through the browser, where anyone may see it).
It sends the verifier itself only at the token endpoint, over a direct back-channel call. A thief
who catches the authorization code on its way back through the browser cannot redeem it without
the verifier.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

METHOD = "S256"
VERIFIER_BYTES = 32  # 32 random bytes are 43 base64url characters; RFC 7636 allows 43 to 128


def new_verifier() -> str:
    """A fresh code verifier: 32 random bytes from the OS, base64url-encoded, no padding.

    One per login attempt, never reused.
    """
    # BEGIN SOLUTION
    return secrets.token_urlsafe(VERIFIER_BYTES)
    # STARTER: raise NotImplementedError("TODO(day31): 32 random bytes, base64url, no '='")
    # END SOLUTION


def s256_challenge(verifier: str) -> str:
    """BASE64URL(SHA256(ASCII(verifier))) without '=' padding (RFC 7636, section 4.2)."""
    # BEGIN SOLUTION
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    # STARTER: raise NotImplementedError("TODO(day31): hash the verifier, base64url, strip '='")
    # END SOLUTION
