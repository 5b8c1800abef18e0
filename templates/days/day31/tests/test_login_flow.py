import logging

import pyotp

from app.totp import totp
from tests.helpers import RFC6238_SHA1_SECRET, approve, browser, login, query_of, start_login

# RFC 6238 appendix B, SHA-1: at T=59 the 8-digit code is 94287082, so the 6-digit code is 287082
RFC_TIME = 59


def pass_mfa(shop, clock, unix_time=RFC_TIME):
    clock.set_unix(unix_time)
    return shop.post("/mfa", json={"code": totp(RFC6238_SHA1_SECRET, unix_time)})


def test_login_then_totp_unlocks_me(shop, idp, clock):
    callback = login(shop, idp)
    assert callback.status_code == 303
    assert callback.headers["location"] == "/me"
    assert shop.get("/me").status_code == 401  # first factor only

    clock.set_unix(RFC_TIME)
    assert totp(RFC6238_SHA1_SECRET, RFC_TIME, digits=8) == "94287082"
    assert shop.post("/mfa", json={"code": "287082"}).status_code == 200

    me = shop.get("/me")
    assert me.status_code == 200
    assert me.json() == {"sub": "ada", "email": "ada@example.com"}


def test_cookies_are_httponly_secure_and_the_state_cookie_is_dropped(shop, idp):
    started = shop.get("/login")
    assert started.status_code == 302
    state_cookie = started.headers["set-cookie"].lower()
    assert (
        "httponly" in state_cookie and "secure" in state_cookie and "samesite=lax" in state_cookie
    )

    callback = shop.get("/callback", params=approve(idp, query_of(started.headers["location"])))
    assert callback.status_code == 303
    assert "login_state" not in shop.cookies
    assert "session" in shop.cookies


def test_a_code_and_state_from_another_browser_are_refused(shop_app, provider_app, shop, idp):
    # Mallory starts a login in her own browser and approves it as herself...
    with browser(shop_app, "https://shop.test") as mallory_shop:
        with browser(provider_app, "https://idp.test") as mallory_idp:
            mallory_idp.cookies.set("idp_session", "mallory")
            trap = approve(mallory_idp, start_login(mallory_shop))
    # ...then makes Ada's browser, which has a login of its own going, open the callback link.
    start_login(shop)
    response = shop.get("/callback", params=trap)

    assert response.status_code == 401
    assert "session" not in shop.cookies


def test_a_callback_without_the_state_cookie_is_refused(shop_app, shop, idp):
    params = approve(idp, start_login(shop))
    with browser(shop_app, "https://shop.test") as fresh_browser:
        response = fresh_browser.get("/callback", params=params)
    assert response.status_code == 401


def test_a_state_works_only_once(shop, idp):
    params = start_login(shop)
    state_cookie = shop.cookies["login_state"]
    # The authorization URL is visible in the browser: approving it twice yields two codes,
    # both bound to the same state, nonce and challenge.
    first, second = approve(idp, params), approve(idp, params)
    assert shop.get("/callback", params=first).status_code == 303

    shop.cookies.set("login_state", state_cookie)
    assert shop.get("/callback", params=second).status_code == 401


def test_a_login_left_open_too_long_expires(shop, idp, clock):
    params = approve(idp, start_login(shop))
    clock.advance(601)
    assert shop.get("/callback", params=params).status_code == 401


def test_an_id_token_for_another_audience_gives_401(shop, idp, provider):
    provider.claim_overrides["aud"] = "another-app"
    assert login(shop, idp).status_code == 401


def test_an_id_token_from_another_issuer_gives_401(shop, idp, provider):
    provider.claim_overrides["iss"] = "https://idp.evil.test"
    assert login(shop, idp).status_code == 401


def test_an_id_token_with_a_replayed_nonce_gives_401(shop, idp, provider):
    provider.claim_overrides["nonce"] = "nonce-from-an-older-login"
    assert login(shop, idp).status_code == 401


def test_an_expired_id_token_gives_401(shop, idp, provider):
    provider.claim_overrides["exp"] = 1_000_000_000
    assert login(shop, idp).status_code == 401


def test_an_id_token_signed_with_an_unpublished_key_gives_401(
    shop, idp, provider, attacker_key, caplog
):
    provider.signing_key = attacker_key  # same kid, key not in the JWKS
    with caplog.at_level(logging.WARNING, logger="shop.auth"):
        response = login(shop, idp)
    assert response.status_code == 401
    assert response.json() == {"detail": "login failed"}
    assert "session" not in shop.cookies


def test_a_rotated_key_published_in_the_jwks_is_accepted(shop, idp, provider, attacker_key):
    provider.published_keys["key-2025-04"] = attacker_key
    provider.signing_key, provider.kid = attacker_key, "key-2025-04"
    assert login(shop, idp).status_code == 303


def test_a_provider_error_instead_of_a_code_gives_401(shop):
    params = start_login(shop)
    response = shop.get("/callback", params={"state": params["state"], "error": "access_denied"})
    assert response.status_code == 401


def test_a_replayed_totp_code_gives_401(shop, idp, clock):
    assert login(shop, idp).status_code == 303
    assert pass_mfa(shop, clock).status_code == 200

    # A second login, and someone replays the code they saw a few seconds ago.
    assert login(shop, idp).status_code == 303
    clock.set_unix(RFC_TIME + 5)
    assert shop.post("/mfa", json={"code": totp(RFC6238_SHA1_SECRET, RFC_TIME)}).status_code == 401
    assert shop.get("/me").status_code == 401


def test_a_code_from_the_enrolment_uri_works(shop, idp, clock, mfa):
    uri = mfa.enroll("ada")
    authenticator = pyotp.parse_uri(uri)
    assert uri.startswith("otpauth://totp/Shop:ada?")

    assert login(shop, idp).status_code == 303
    clock.set_unix(1_750_000_000)
    assert shop.post("/mfa", json={"code": authenticator.at(1_750_000_000)}).status_code == 200
    assert shop.get("/me").status_code == 200
