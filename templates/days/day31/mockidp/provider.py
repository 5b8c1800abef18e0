"""A mock OpenID Connect provider (authorization code flow with PKCE), for tests and demos.

It speaks just enough of OAuth 2.0 (RFC 6749), PKCE (RFC 7636) and OpenID Connect Core:

    GET  /authorize   the user (named by the `idp_session` cookie) approves; 302 back with a code
    POST /token       code + code_verifier -> {"id_token", "access_token", ...}; codes work once
    GET  /jwks        the public keys, by kid

Test knobs: `claim_overrides` changes claims of the next ID tokens, `signing_key`/`kid` choose the
key that signs them, and `token_requests` records every form posted to /token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

from app.config import Clock

ID_TOKEN_TTL_SECONDS = 300


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    subject: str
    nonce: str | None
    challenge: str
    method: str
    scope: str


@dataclass
class Provider:
    issuer: str
    clients: dict[str, str]  # client_id -> its one registered redirect_uri
    users: dict[str, str]  # subject -> email
    signing_key: RSAPrivateKey
    kid: str
    clock: Clock
    published_keys: dict[str, RSAPrivateKey] = field(default_factory=dict)
    claim_overrides: dict[str, Any] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    grants: dict[str, Grant] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.published_keys.setdefault(self.kid, self.signing_key)

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, private_key in self.published_keys.items():
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key()))
            keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": keys}

    def id_token(self, grant: Grant) -> str:
        now = int(self.clock().timestamp())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": grant.subject,
            "aud": grant.client_id,
            "iat": now,
            "exp": now + ID_TOKEN_TTL_SECONDS,
            "email": self.users[grant.subject],
        }
        if grant.nonce is not None:
            claims["nonce"] = grant.nonce
        for name, value in self.claim_overrides.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": self.kid})


def pkce_matches(grant: Grant, verifier: str) -> bool:
    if grant.method == "S256":
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    else:  # "plain": allowed by RFC 7636 for clients that cannot hash, and useless as protection
        computed = verifier
    return hmac.compare_digest(computed, grant.challenge)


def oauth_error(error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=400)


def create_provider_app(provider: Provider) -> FastAPI:
    app = FastAPI(title="mock OpenID Connect provider")
    app.state.provider = provider

    @app.get("/authorize")
    def authorize(request: Request):
        params = dict(request.query_params)
        provider.authorize_requests.append(params)
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        if provider.clients.get(client_id) != redirect_uri:
            # Never redirect to an unregistered address: that would make this an open redirector.
            return oauth_error("invalid_request", "unknown client or redirect_uri")
        if params.get("response_type") != "code":
            return oauth_error("unsupported_response_type", "only the code flow is supported")
        if not params.get("code_challenge") or params.get("code_challenge_method") not in (
            "S256",
            "plain",
        ):
            return oauth_error("invalid_request", "PKCE is required")
        subject = request.cookies.get("idp_session")
        if subject not in provider.users:
            return oauth_error("login_required", "no user is signed in at the provider")
        code = secrets.token_urlsafe(24)
        provider.grants[code] = Grant(
            client_id=client_id,
            redirect_uri=redirect_uri,
            subject=subject,
            nonce=params.get("nonce"),
            challenge=params["code_challenge"],
            method=params["code_challenge_method"],
            scope=params.get("scope", ""),
        )
        back = {"code": code}
        if "state" in params:
            back["state"] = params["state"]
        return RedirectResponse(f"{redirect_uri}?{urlencode(back)}", status_code=302)

    @app.post("/token")
    async def token(request: Request):
        form = dict(parse_qsl((await request.body()).decode("utf-8")))
        provider.token_requests.append(form)
        if form.get("grant_type") != "authorization_code":
            return oauth_error("unsupported_grant_type", "only authorization_code")
        grant = provider.grants.pop(form.get("code", ""), None)  # a code works once
        if grant is None:
            return oauth_error("invalid_grant", "unknown or used code")
        if (
            form.get("client_id") != grant.client_id
            or form.get("redirect_uri") != grant.redirect_uri
        ):
            return oauth_error("invalid_grant", "code was issued to another client or redirect")
        if not pkce_matches(grant, form.get("code_verifier", "")):
            return oauth_error("invalid_grant", "PKCE verification failed")
        return {
            "access_token": secrets.token_urlsafe(24),
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": grant.scope,
            "id_token": provider.id_token(grant),
        }

    @app.get("/jwks")
    def jwks():
        return provider.jwks()

    return app
