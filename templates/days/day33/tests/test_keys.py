import io

import jwt
import pytest

from app.config import JWT_PATH, provider_from_env
from app.keys import KeyRing, TokenError

K1 = "k1-" + "a" * 40
K2 = "k2-" + "b" * 40
GRACE = 3600
TOKEN_TTL = 900


@pytest.fixture
def ring(clock):
    ring = KeyRing(clock=clock, grace_seconds=GRACE, token_ttl_seconds=TOKEN_TTL)
    ring.sync({"kid": "k1", "key": K1})
    return ring


def forged(key: str, kid: str | None, clock, lifetime: int = 10 * 365 * 86400) -> str:
    """What someone holding `key` can mint: any claims, any expiry."""
    now = int(clock())
    headers = {"kid": kid} if kid is not None else None
    claims = {"sub": "7", "iat": now, "exp": now + lifetime}
    return jwt.encode(claims, key, algorithm="HS256", headers=headers)


def test_a_token_names_its_key_and_verifies(ring):
    token = ring.sign("7")

    assert jwt.get_unverified_header(token)["kid"] == "k1"
    assert ring.verify(token)["sub"] == "7"


def test_after_a_rotation_new_tokens_use_the_new_key_and_old_ones_still_verify(ring, clock):
    old = ring.sign("7")
    clock.advance(60)
    ring.sync({"kid": "k2", "key": K2})
    new = ring.sign("8")

    assert jwt.get_unverified_header(new)["kid"] == "k2"
    assert ring.verify(new)["sub"] == "8"
    assert ring.verify(old)["sub"] == "7", "a token issued before the rotation must keep working"


def test_the_old_key_is_accepted_only_inside_the_grace_window(ring, clock):
    ring.sync({"kid": "k2", "key": K2})  # k1 retired now
    token = forged(K1, "k1", clock)  # a leaked k1 can mint tokens that never expire

    clock.advance(GRACE - 1)
    assert ring.verify(token)["sub"] == "7"
    clock.advance(1)
    with pytest.raises(TokenError):
        ring.verify(token)
    clock.advance(30 * 86400)
    with pytest.raises(TokenError):
        ring.verify(token)


def test_the_current_key_is_never_retired_by_time(ring, clock):
    clock.advance(GRACE * 10)

    assert ring.verify(ring.sign("7"))["sub"] == "7"


@pytest.mark.parametrize(
    "case", ["unknown kid", "no kid", "kid of another key", "expired", "garbage"]
)
def test_tokens_that_are_not_ours_are_refused(ring, clock, case):
    token = {
        "unknown kid": lambda: forged("z" * 40, "k9", clock),
        "no kid": lambda: forged(K1, None, clock),
        "kid of another key": lambda: forged("z" * 40, "k1", clock),
        "expired": lambda: forged(K1, "k1", clock, lifetime=-1),
        "garbage": lambda: "not.a.token",
    }[case]()

    with pytest.raises(TokenError):
        ring.verify(token)


def test_a_rotation_in_vault_reaches_tokens_after_the_cache_ttl(vault, clock):
    env = {
        "SECRETS_BACKEND": "vault",
        "VAULT_ADDR": vault.url,
        "VAULT_TOKEN": vault.token,
        "SECRETS_TTL_SECONDS": "60",
    }
    secrets = provider_from_env(env, clock=clock, audit_stream=io.StringIO(), session=vault.session)
    ring = KeyRing(clock=clock, grace_seconds=GRACE, token_ttl_seconds=TOKEN_TTL)
    vault.write(JWT_PATH, {"kid": "k1", "key": K1})

    def issue(subject: str) -> str:
        ring.sync(secrets.read(JWT_PATH))  # what the service does before signing
        return ring.sign(subject)

    before = issue("7")
    vault.write(JWT_PATH, {"kid": "k2", "key": K2})  # the operator rotates
    clock.advance(59)
    assert jwt.get_unverified_header(issue("8"))["kid"] == "k1"
    clock.advance(1)
    after = issue("9")

    assert jwt.get_unverified_header(after)["kid"] == "k2"
    assert ring.verify(before)["sub"] == "7"
    assert ring.verify(after)["sub"] == "9"
