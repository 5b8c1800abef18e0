"""The cursor itself: it round-trips, and it refuses every kind of forgery with BadCursor."""

import base64
import json
from datetime import datetime

import pytest

from orders_api.cursor import BadCursor, decode_cursor, encode_cursor
from orders_api.pagination import Key

SECRET = b"unit-test-secret"
KEY = Key(created_at=datetime(2026, 2, 10, 8, 30, 0, 250000), id=42)
QUERY = {"user_id": 7, "status": "paid"}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_cursor_round_trips_position_and_query():
    token = encode_cursor(KEY, QUERY, SECRET)

    assert decode_cursor(token, dict(QUERY), SECRET) == KEY
    assert "/" not in token and "+" not in token and "=" not in token, "must be URL-safe"


def test_altered_position_is_rejected():
    payload, signature = encode_cursor(KEY, QUERY, SECRET).split(".")
    data = json.loads(unb64(payload))
    data["k"][1] = 41  # a client "helpfully" edits the position
    forged = f"{b64(json.dumps(data).encode())}.{signature}"

    with pytest.raises(BadCursor):
        decode_cursor(forged, QUERY, SECRET)


def test_cursor_signed_with_another_secret_is_rejected():
    token = encode_cursor(KEY, QUERY, b"another-deployment")

    with pytest.raises(BadCursor):
        decode_cursor(token, QUERY, SECRET)


def test_cursor_for_other_filters_is_rejected():
    token = encode_cursor(KEY, QUERY, SECRET)

    with pytest.raises(BadCursor, match="filters"):
        decode_cursor(token, {"user_id": 8, "status": "paid"}, SECRET)


@pytest.mark.parametrize(
    "token",
    ["", "abc", "a.b.c", "%%%.%%%", b64(b"not json") + "." + b64(b"x" * 32)],
    ids=["empty", "one-part", "three-parts", "not-base64", "bad-signature"],
)
def test_malformed_cursor_raises_bad_cursor_only(token):
    with pytest.raises(BadCursor):
        decode_cursor(token, QUERY, SECRET)


def test_signed_but_malformed_payload_raises_bad_cursor():
    import hashlib
    import hmac

    payload = json.dumps({"k": ["yesterday", "x"], "q": QUERY}).encode()
    token = f"{b64(payload)}.{b64(hmac.new(SECRET, payload, hashlib.sha256).digest())}"

    with pytest.raises(BadCursor):
        decode_cursor(token, QUERY, SECRET)
