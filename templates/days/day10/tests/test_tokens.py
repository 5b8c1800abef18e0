import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app.tokens import TokenError, create_access_token, decode_access_token

SECRET = "unit-test-secret-0123456789-abcdefghijklmnop"
OTHER_SECRET = "another-secret-0123456789-abcdefghijklmnopqr"
NOW = datetime(2025, 6, 1, 8, 30, tzinfo=UTC)


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_token_round_trip_carries_subject_and_expiry():
    token = create_access_token("user-42", secret=SECRET, now=NOW, ttl_seconds=600)

    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = decode_access_token(token, secret=SECRET, now=NOW + timedelta(seconds=1))
    assert claims["sub"] == "user-42"
    assert claims["iat"] == int(NOW.timestamp())
    assert claims["exp"] - claims["iat"] == 600


def test_token_expires_according_to_the_injected_clock():
    token = create_access_token("user-42", secret=SECRET, now=NOW, ttl_seconds=60)

    assert decode_access_token(token, secret=SECRET, now=NOW + timedelta(seconds=59))["sub"]
    with pytest.raises(TokenError):
        decode_access_token(token, secret=SECRET, now=NOW + timedelta(seconds=60))
    with pytest.raises(TokenError):
        decode_access_token(token, secret=SECRET, now=NOW - timedelta(hours=1))


def test_tampered_and_foreign_tokens_are_rejected():
    token = create_access_token("user-42", secret=SECRET, now=NOW, ttl_seconds=600)
    header, payload, signature = token.split(".")
    later = NOW + timedelta(seconds=5)

    forged_payload = b64({"sub": "admin", "iat": int(NOW.timestamp()), "exp": 4102444800})
    unsigned = b64({"alg": "none", "typ": "JWT"}) + "." + forged_payload + "."
    without_sub = jwt.encode(
        {"iat": int(NOW.timestamp()), "exp": 4102444800}, SECRET, algorithm="HS256"
    )
    candidates = {
        "changed payload": f"{header}.{forged_payload}.{signature}",
        "signed with another key": create_access_token(
            "user-42", secret=OTHER_SECRET, now=NOW, ttl_seconds=600
        ),
        "alg none": unsigned,
        "no sub claim": without_sub,
        "not a jwt": "hello.world",
    }
    for name, candidate in candidates.items():
        with pytest.raises(TokenError):
            decode_access_token(candidate, secret=SECRET, now=later)
            pytest.fail(f"accepted a token with {name}")
