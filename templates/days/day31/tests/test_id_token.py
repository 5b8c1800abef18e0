import json

import jwt
import pytest

from app.id_token import IdTokenError, verify_id_token
from tests.helpers import CLIENT_ID, ISSUER

KID = "key-1"
NONCE = "n-0S6_WzA2Mj"


def jwks_of(private_key, kid=KID):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key()))
    return {"keys": [{**jwk, "kid": kid, "use": "sig", "alg": "RS256"}]}


@pytest.fixture
def now(clock):
    return clock()


@pytest.fixture
def make_token(signing_key, now):
    def make(key=signing_key, kid=KID, alg="RS256", drop=(), **overrides):
        issued = int(now.timestamp())
        claims = {
            "iss": ISSUER,
            "sub": "ada",
            "aud": CLIENT_ID,
            "iat": issued,
            "exp": issued + 300,
            "nonce": NONCE,
            "email": "ada@example.com",
            **overrides,
        }
        for name in drop:
            del claims[name]
        return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})

    return make


@pytest.fixture
def verify(signing_key, now):
    def run(token, *, nonce=NONCE, at=None, jwks=None):
        return verify_id_token(
            token,
            jwks=jwks if jwks is not None else jwks_of(signing_key),
            issuer=ISSUER,
            client_id=CLIENT_ID,
            nonce=nonce,
            now=at or now,
        )

    return run


def test_a_valid_token_returns_its_claims(make_token, verify):
    claims = verify(make_token())
    assert claims["sub"] == "ada"
    assert claims["email"] == "ada@example.com"


def test_the_key_is_chosen_by_kid_among_several(make_token, verify, signing_key, attacker_key):
    keys = {"keys": jwks_of(attacker_key, "old")["keys"] + jwks_of(signing_key, "new")["keys"]}
    assert verify(make_token(kid="new"), jwks=keys)["sub"] == "ada"
    with pytest.raises(IdTokenError):
        verify(make_token(kid="old"), jwks=keys)


def test_a_token_signed_by_another_key_is_rejected(make_token, verify, attacker_key):
    with pytest.raises(IdTokenError):
        verify(make_token(key=attacker_key))


def test_a_token_with_an_unknown_kid_is_rejected(make_token, verify):
    with pytest.raises(IdTokenError):
        verify(make_token(kid="someone-elses-key"))


def test_unsigned_and_hmac_tokens_are_rejected(make_token, verify, signing_key):
    unsigned = make_token(key=None, alg="none")
    with pytest.raises(IdTokenError):
        verify(unsigned)
    hs256 = jwt.encode(
        {"iss": ISSUER, "sub": "ada", "aud": CLIENT_ID, "iat": 0, "exp": 2**40, "nonce": NONCE},
        "a-shared-secret-that-anyone-could-pick-0123456789",
        algorithm="HS256",
        headers={"kid": KID},
    )
    with pytest.raises(IdTokenError):
        verify(hs256)


def test_a_token_from_another_issuer_is_rejected(make_token, verify):
    with pytest.raises(IdTokenError):
        verify(make_token(iss="https://evil.test"))


def test_a_token_for_another_client_is_rejected(make_token, verify):
    with pytest.raises(IdTokenError):
        verify(make_token(aud="another-app"))


def test_an_expired_token_is_rejected_by_the_injected_clock(make_token, verify, clock):
    token = make_token()
    clock.advance(299)
    assert verify(token, at=clock())["sub"] == "ada"
    clock.advance(1)
    with pytest.raises(IdTokenError):
        verify(token, at=clock())


def test_a_token_with_another_or_no_nonce_is_rejected(make_token, verify):
    with pytest.raises(IdTokenError):
        verify(make_token(), nonce="the-nonce-of-another-login")
    with pytest.raises(IdTokenError):
        verify(make_token(drop=("nonce",)))


def test_garbage_is_an_id_token_error_not_a_crash(verify):
    for token in ("", "not-a-jwt", "a.b.c"):
        with pytest.raises(IdTokenError):
            verify(token)
