"""Constants and browser steps shared by the tests."""

from urllib.parse import parse_qsl, urlsplit

from fastapi.testclient import TestClient

ISSUER = "https://idp.test"
CLIENT_ID = "shop-web"
REDIRECT_URI = "https://shop.test/callback"
RFC6238_SHA1_SECRET = b"12345678901234567890"
USERS = {"ada": "ada@example.com", "mallory": "mallory@example.com"}


def browser(app, base_url):
    """A TestClient that behaves like a browser tab: keeps cookies, does not follow redirects."""
    return TestClient(app, base_url=base_url, follow_redirects=False)


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def start_login(shop) -> dict[str, str]:
    """GET /login and return the parameters of the authorization request it redirects to."""
    response = shop.get("/login")
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(f"{ISSUER}/authorize?")
    return query_of(location)


def approve(idp, params: dict[str, str]) -> dict[str, str]:
    """The provider's side: the signed-in user approves; return the callback's parameters."""
    response = idp.get("/authorize", params=params)
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT_URI + "?")
    return query_of(location)


def login(shop, idp):
    """The whole first factor; returns the shop's answer to /callback."""
    return shop.get("/callback", params=approve(idp, start_login(shop)))
