"""TOTP enrolment: the shared secret each user scans into an authenticator app (with pyotp)."""

from __future__ import annotations

import base64

import pyotp

ISSUER_NAME = "Shop"


class MfaStore:
    """Users' TOTP secrets, by the provider's subject id. In production: encrypted at rest."""

    def __init__(self) -> None:
        self._secrets: dict[str, bytes] = {}

    def enroll(self, subject: str, secret: bytes | None = None) -> str:
        """Store a secret for `subject` (a new random one unless given); return the otpauth URI
        that an authenticator app reads from a QR code."""
        if secret is None:
            secret = base64.b32decode(pyotp.random_base32())
        self._secrets[subject] = secret
        label = base64.b32encode(secret).decode("ascii").rstrip("=")
        return pyotp.TOTP(label).provisioning_uri(name=subject, issuer_name=ISSUER_NAME)

    def secret(self, subject: str) -> bytes | None:
        return self._secrets.get(subject)
