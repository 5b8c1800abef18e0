"""Take secrets and personal data out of text before it is written anywhere that lasts.

An audit log is read by operators, copied to a log platform, kept for months, exported for
incidents. What goes into it must not contain a customer's email address, a card number, or a
key someone pasted into a chat. Replace each with a marker that says what was there:

    [email]   an email address
    [card]    a payment card number: 13 to 19 digits, optionally grouped by spaces or dashes,
              whose check digit is right (Luhn), so order numbers and phone numbers stay readable
    [secret]  an API key such as `sk-...` (`sk-proj-...`, `sk-test-...`) or the value after
              `Bearer ` in an Authorization header
"""

from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
API_KEY = re.compile(r"\bsk-[A-Za-z0-9_-]{12,}")
BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}")


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def redact(text: str) -> str:
    """`text` with every email, card number and API key replaced by its marker."""
    # BEGIN SOLUTION
    text = API_KEY.sub("[secret]", text)
    text = BEARER.sub(lambda m: m.group(1) + "[secret]", text)
    text = EMAIL.sub("[email]", text)

    def card(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return "[card]" if luhn_ok(digits) else match.group(0)

    return CARD.sub(card, text)
    # STARTER: raise NotImplementedError("TODO(day50): replace emails, card numbers and keys")
    # END SOLUTION


def redact_value(value: Any) -> Any:
    """`redact` applied to every string inside dicts and lists; other values unchanged."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    return value
