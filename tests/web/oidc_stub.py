"""A tiny OpenID Connect provider for tests: discovery, authorize, token and JWKS endpoints.

It signs ID tokens with a fresh RSA key, remembers the nonce of each authorization, and
vouches for whichever subject the test asks for.
"""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse
from joserfc import jwt
from joserfc.jwk import RSAKey

ISSUER = "https://idp.test"
CLIENT_ID = "produktlyft"
CLIENT_SECRET = "stub-secret"


def create_provider(claims: dict[str, Any]) -> FastAPI:
    """A provider that signs in whoever `claims` describe (sub, preferred_username, name)."""
    key = RSAKey.generate_key(2048, parameters={"kid": "test"})
    grants: dict[str, dict[str, Any]] = {}
    provider = FastAPI()

    @provider.get("/.well-known/openid-configuration")
    def discovery() -> dict[str, Any]:
        return {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "jwks_uri": f"{ISSUER}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    @provider.get("/jwks")
    def jwks() -> dict[str, Any]:
        return {"keys": [key.as_dict(private=False)]}

    @provider.get("/authorize")
    def authorize(request: Request) -> RedirectResponse:
        params = request.query_params
        assert params["client_id"] == CLIENT_ID and params["response_type"] == "code"
        code = secrets.token_urlsafe(16)
        grants[code] = {"nonce": params.get("nonce"), "redirect_uri": params["redirect_uri"]}
        query = urlencode({"code": code, "state": params["state"]})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=302)

    @provider.post("/token")
    def token(code: str = Form(...), grant_type: str = Form(...)) -> JSONResponse:
        grant = grants.pop(code, None)
        if grant is None or grant_type != "authorization_code":
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **claims,
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "test"}, payload, key)
        return JSONResponse(
            {
                "access_token": secrets.token_urlsafe(16),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            }
        )

    return provider
