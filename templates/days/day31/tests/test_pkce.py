import re

from app import pkce
from tests.helpers import approve, login, start_login

# RFC 7636, appendix B
RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
UNRESERVED = re.compile(r"[A-Za-z0-9\-._~]{43,128}")


def test_s256_challenge_matches_the_rfc7636_appendix_b_vector():
    assert pkce.s256_challenge(RFC7636_VERIFIER) == RFC7636_CHALLENGE


def test_verifiers_are_long_unreserved_and_never_repeat():
    verifiers = [pkce.new_verifier() for _ in range(200)]
    for verifier in verifiers:
        assert UNRESERVED.fullmatch(verifier), verifier
        assert "=" not in verifier
    assert len(set(verifiers)) == len(verifiers)


def test_authorize_request_carries_an_s256_challenge_of_the_verifier_sent_later(
    shop, idp, provider
):
    params = start_login(shop)
    assert params["code_challenge_method"] == "S256"
    assert params["response_type"] == "code"
    assert "openid" in params["scope"].split()

    shop.get("/callback", params=approve(idp, params))

    (token_request,) = provider.token_requests
    verifier = token_request["code_verifier"]
    assert UNRESERVED.fullmatch(verifier)
    assert params["code_challenge"] == pkce.s256_challenge(verifier)
    assert verifier not in str(provider.authorize_requests)


def test_each_login_gets_a_fresh_state_nonce_and_verifier(shop, idp, provider):
    first = start_login(shop)
    second = start_login(shop)

    assert first["state"] != second["state"]
    assert first["nonce"] != second["nonce"]
    assert first["code_challenge"] != second["code_challenge"]
    for params in (first, second):
        assert len(params["state"]) >= 22 and len(params["nonce"]) >= 22

    assert login(shop, idp).status_code == 303
    assert login(shop, idp).status_code == 303
    verifiers = [request["code_verifier"] for request in provider.token_requests]
    assert len(verifiers) == 2 and verifiers[0] != verifiers[1]
