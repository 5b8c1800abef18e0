"""Opaque, tamper-evident cursors.

A cursor is what the client sends back to get the next page. It carries the position (`Key`)
and the filters of the query that issued it, and it is signed with a server secret:

    <payload>.<signature>   both base64url without padding
    payload   = JSON {"k": ["<created_at ISO 8601>", <id>], "q": {<the filters>}}
    signature = HMAC-SHA256(secret, payload bytes)

Clients must treat the string as opaque. The signature is what lets the server notice when one
does not: an edited position, a cursor from another deployment, or a cursor copied from one
query (say, user 7's orders) into another (user 8's) is refused with `BadCursor`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from orders_api.pagination import Key


class BadCursor(ValueError):
    """The cursor cannot be used; the message says why, in words a client developer understands."""


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(key: Key, filters: dict[str, Any], secret: bytes) -> str:
    """The signed cursor for "the rows after `key`, in the query with these `filters`"."""
    # BEGIN SOLUTION
    payload = json.dumps(
        {"k": [key.created_at.isoformat(), key.id], "q": filters},
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    signature = hmac.new(secret, payload, hashlib.sha256).digest()
    return f"{_b64encode(payload)}.{_b64encode(signature)}"
    # STARTER: raise NotImplementedError("TODO(day21): sign the position and the filters")
    # END SOLUTION


def decode_cursor(token: str, filters: dict[str, Any], secret: bytes) -> Key:
    """The position inside `token`, after checking that this server signed it for these filters.

    Raise `BadCursor` (and nothing else) for anything wrong: not two base64 parts, a signature
    that does not match, a payload that is not what `encode_cursor` writes, other filters.
    """
    # BEGIN SOLUTION
    try:
        payload_part, signature_part = token.split(".")
        payload = _b64decode(payload_part)
        signature = _b64decode(signature_part)
    except (ValueError, binascii.Error):
        raise BadCursor("the cursor is malformed; use the next link of the previous page") from None
    expected = hmac.new(secret, payload, hashlib.sha256).digest()
    if not hmac.compare_digest(signature, expected):
        raise BadCursor("the cursor was not issued by this server or has been altered") from None
    try:
        data = json.loads(payload)
        (created_at, order_id), query = data["k"], data["q"]
        key = Key(created_at=datetime.fromisoformat(created_at), id=int(order_id))
    except (ValueError, TypeError, KeyError):
        raise BadCursor("the cursor is malformed; use the next link of the previous page") from None
    if query != filters:
        raise BadCursor(
            "the cursor belongs to a query with other filters; "
            "repeat the filters of the page that gave you the cursor"
        )
    return key
    # STARTER: raise NotImplementedError("TODO(day21): verify the signature, then the filters")
    # END SOLUTION
