"""The shop as an OAuth2 client and OpenID Connect relying party, with TOTP as second factor.

    GET  /login     start: remember state, nonce and PKCE verifier; 302 to the provider
    GET  /callback  finish: check state, redeem the code with the verifier, verify the ID token
    POST /mfa       {"code": "123456"}: the second factor; only then does the session count
    GET  /me        who is logged in (401 until both factors are done)

Run it against a provider: uvicorn app.main:create_app --factory (with your own Settings).
Every failed check answers the same 401: the details go to the log, never to the browser.
"""

# No `from __future__ import annotations`: FastAPI must see the real types of the handlers.
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from app import pkce
from app.config import Clock, Settings, utc_now
from app.id_token import IdTokenError, verify_id_token
from app.mfa import MfaStore
from app.totp import TotpVerifier

log = logging.getLogger("shop.auth")

STATE_COOKIE = "login_state"
SESSION_COOKIE = "session"
LOGIN_FAILED = "login failed"


@dataclass
class PendingLogin:
    """What /login remembers, server side, until the browser comes back to /callback."""

    nonce: str
    verifier: str
    started: datetime


@dataclass
class Session:
    subject: str
    email: str
    mfa_passed: bool = False


class MfaCode(BaseModel):
    code: str


def login_failed(reason: str) -> HTTPException:
    log.warning("login rejected: %s", reason)
    return HTTPException(401, detail=LOGIN_FAILED)


def create_app(
    settings: Settings,
    *,
    idp_transport: httpx.AsyncBaseTransport | None = None,
    clock: Clock = utc_now,
    mfa: MfaStore | None = None,
    totp: TotpVerifier | None = None,
) -> FastAPI:
    mfa = mfa if mfa is not None else MfaStore()
    totp = totp if totp is not None else TotpVerifier()
    pending: dict[str, PendingLogin] = {}
    sessions: dict[str, Session] = {}

    app = FastAPI(title="Day 31: shop login with OpenID Connect and TOTP")
    app.state.pending = pending
    app.state.sessions = sessions

    def idp() -> httpx.AsyncClient:
        # Tests pass a transport that reaches the mock provider in process.
        return httpx.AsyncClient(transport=idp_transport, timeout=5.0)

    @app.get("/login")
    def login() -> RedirectResponse:
        """Start a login: a fresh state, nonce and verifier, kept in `pending` under the state;
        the state also goes into a cookie (STATE_COOKIE) bound to this browser. Redirect (302)
        to the authorization endpoint with response_type=code, client_id, redirect_uri, scope,
        state, nonce, code_challenge and code_challenge_method=S256."""
        # BEGIN SOLUTION
        state = secrets.token_urlsafe(32)
        nonce = secrets.token_urlsafe(32)
        verifier = pkce.new_verifier()
        pending[state] = PendingLogin(nonce=nonce, verifier=verifier, started=clock())
        query = urlencode(
            {
                "response_type": "code",
                "client_id": settings.client_id,
                "redirect_uri": settings.redirect_uri,
                "scope": settings.scope,
                "state": state,
                "nonce": nonce,
                "code_challenge": pkce.s256_challenge(verifier),
                "code_challenge_method": pkce.METHOD,
            }
        )
        response = RedirectResponse(f"{settings.authorization_endpoint}?{query}", status_code=302)
        response.set_cookie(
            STATE_COOKIE,
            state,
            max_age=settings.login_ttl_seconds,
            httponly=True,
            secure=True,
            samesite="lax",
        )
        return response
        # STARTER: raise HTTPException(501, detail="TODO(day31): state, nonce, PKCE, redirect")
        # END SOLUTION

    @app.get("/callback")
    async def callback(request: Request) -> RedirectResponse:
        """Finish a login. 401 (login_failed) unless: the `state` parameter equals this browser's
        STATE_COOKIE and names a pending login (used once, younger than login_ttl_seconds), the
        provider redeems the code for this login's verifier, and verify_id_token accepts the ID
        token against the provider's JWKS and this login's nonce. Then start a Session (MFA not
        yet passed), set SESSION_COOKIE, drop STATE_COOKIE, and 303 to /me."""
        params = request.query_params
        # BEGIN SOLUTION
        state = params.get("state", "")
        cookie_state = request.cookies.get(STATE_COOKIE, "")
        if not state or not cookie_state or not secrets.compare_digest(state, cookie_state):
            raise login_failed("state does not match this browser's login")
        login = pending.pop(state, None)
        if login is None:
            raise login_failed("unknown or already used state")
        if clock() - login.started > timedelta(seconds=settings.login_ttl_seconds):
            raise login_failed("login attempt too old")
        if "code" not in params:
            raise login_failed(f"provider returned an error: {params.get('error', 'no code')}")

        async with idp() as http:
            token_response = await http.post(
                settings.token_endpoint,
                data={
                    "grant_type": "authorization_code",
                    "code": params["code"],
                    "redirect_uri": settings.redirect_uri,
                    "client_id": settings.client_id,
                    "code_verifier": login.verifier,
                },
            )
            if token_response.status_code != 200:
                raise login_failed(f"token endpoint answered {token_response.status_code}")
            jwks = (await http.get(settings.jwks_uri)).json()
        try:
            claims = verify_id_token(
                token_response.json().get("id_token", ""),
                jwks=jwks,
                issuer=settings.issuer,
                client_id=settings.client_id,
                nonce=login.nonce,
                now=clock(),
            )
        except IdTokenError as exc:
            raise login_failed(str(exc)) from exc

        session_id = secrets.token_urlsafe(32)
        sessions[session_id] = Session(subject=claims["sub"], email=claims.get("email", ""))
        response = RedirectResponse("/me", status_code=303)
        response.delete_cookie(STATE_COOKIE)
        response.set_cookie(SESSION_COOKIE, session_id, httponly=True, secure=True, samesite="lax")
        return response
        # STARTER: raise HTTPException(501, detail="TODO(day31): check state, redeem, verify")
        # END SOLUTION

    def session_of(request: Request) -> Session:
        session = sessions.get(request.cookies.get(SESSION_COOKIE, ""))
        if session is None:
            raise HTTPException(401, detail="not logged in")
        return session

    @app.post("/mfa")
    def second_factor(body: MfaCode, request: Request) -> dict[str, str]:
        """Check the TOTP code of the logged-in user with `totp.verify` at clock() time; 401 for
        a wrong or reused code or a user with no enrolled secret."""
        session = session_of(request)
        secret = mfa.secret(session.subject)
        if secret is None:
            raise HTTPException(401, detail="no second factor enrolled")
        now = int(clock().timestamp())
        if not totp.verify(session.subject, secret, body.code, now):
            raise HTTPException(401, detail="invalid code")
        session.mfa_passed = True
        return {"status": "ok"}

    @app.get("/me")
    def me(request: Request) -> dict[str, str]:
        session = session_of(request)
        if not session.mfa_passed:
            raise HTTPException(401, detail="second factor required")
        return {"sub": session.subject, "email": session.email}

    return app
