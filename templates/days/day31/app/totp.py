"""Time-based one-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), written by hand.

HOTP: HMAC the 8-byte big-endian counter with the shared secret, take 4 bytes at the offset given
by the low 4 bits of the last byte ("dynamic truncation"), clear the top bit, and keep the last
`digits` decimal digits. TOTP is HOTP whose counter is the number of `step`-second periods since
the Unix epoch. Authenticator apps use SHA-1, 6 digits and 30 seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import threading

STEP_SECONDS = 30
DIGITS = 6


def hotp(secret: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """The HOTP value of `counter`, as a string of exactly `digits` digits (leading zeros kept)."""
    # BEGIN SOLUTION
    mac = hmac.new(secret, counter.to_bytes(8, "big"), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)
    # STARTER: raise NotImplementedError("TODO(day31): HMAC the counter, dynamic truncation")
    # END SOLUTION


def totp(
    secret: bytes,
    unix_time: int,
    *,
    digits: int = DIGITS,
    step: int = STEP_SECONDS,
    digest: str = "sha1",
) -> str:
    """The TOTP code valid at `unix_time` (seconds since the epoch)."""
    # BEGIN SOLUTION
    return hotp(secret, unix_time // step, digits=digits, digest=digest)
    # STARTER: raise NotImplementedError("TODO(day31): HOTP of the time step")
    # END SOLUTION


class TotpVerifier:
    """Checks codes for many users, with a clock-drift window and replay protection.

    A code is accepted when it equals the code of the current step or of up to `window` steps
    before or after it, and that step is later than the last step this user already used.
    """

    def __init__(self, *, window: int = 1, digits: int = DIGITS, step: int = STEP_SECONDS) -> None:
        self.window = window
        self.digits = digits
        self.step = step
        self._last_used_step: dict[str, int] = {}
        self._lock = threading.Lock()

    def verify(self, user_id: str, secret: bytes, code: str, unix_time: int) -> bool:
        """True once for a valid code; False for a wrong, stale, future or already used one.

        Compare codes in constant time (hmac.compare_digest), and remember the matched step
        per user so that neither the same code nor an older one works again.
        """
        # BEGIN SOLUTION
        if len(code) != self.digits or not code.isdigit():
            return False
        current = unix_time // self.step
        for candidate in range(current - self.window, current + self.window + 1):
            expected = hotp(secret, candidate, digits=self.digits)
            if hmac.compare_digest(expected, code):
                with self._lock:
                    if candidate <= self._last_used_step.get(user_id, -1):
                        return False
                    self._last_used_step[user_id] = candidate
                return True
        return False
        # STARTER: raise NotImplementedError("TODO(day31): ±window steps, no replay, constant time")
        # END SOLUTION
