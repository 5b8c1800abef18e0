from datetime import UTC, datetime, timedelta

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from app.config import Settings
from app.main import create_app
from app.mfa import MfaStore
from mockidp.provider import Provider, create_provider_app
from tests.helpers import CLIENT_ID, ISSUER, REDIRECT_URI, RFC6238_SHA1_SECRET, USERS, browser


class FakeClock:
    """A clock the tests move by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def set_unix(self, seconds: int) -> None:
        self.now = datetime.fromtimestamp(seconds, UTC)


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def signing_key():
    return new_rsa_key()


@pytest.fixture(scope="session")
def attacker_key():
    return new_rsa_key()


@pytest.fixture
def clock():
    return FakeClock(datetime(2025, 3, 14, 9, 26, 50, tzinfo=UTC))


@pytest.fixture
def settings():
    return Settings(
        issuer=ISSUER,
        client_id=CLIENT_ID,
        redirect_uri=REDIRECT_URI,
        authorization_endpoint=f"{ISSUER}/authorize",
        token_endpoint=f"{ISSUER}/token",
        jwks_uri=f"{ISSUER}/jwks",
    )


@pytest.fixture
def provider(signing_key, clock):
    return Provider(
        issuer=ISSUER,
        clients={CLIENT_ID: REDIRECT_URI},
        users=dict(USERS),
        signing_key=signing_key,
        kid="key-2025-03",
        clock=clock,
    )


@pytest.fixture
def provider_app(provider):
    return create_provider_app(provider)


@pytest.fixture
def mfa():
    store = MfaStore()
    store.enroll("ada", RFC6238_SHA1_SECRET)
    return store


@pytest.fixture
def shop_app(settings, provider_app, clock, mfa):
    transport = httpx.ASGITransport(app=provider_app)
    return create_app(settings, idp_transport=transport, clock=clock, mfa=mfa)


@pytest.fixture
def shop(shop_app):
    """The victim's (or simply the user's) browser, talking to the shop."""
    with browser(shop_app, "https://shop.test") as client:
        yield client


@pytest.fixture
def idp(provider_app):
    """The same browser talking to the provider, signed in there as ada."""
    with browser(provider_app, ISSUER) as client:
        client.cookies.set("idp_session", "ada")
        yield client
