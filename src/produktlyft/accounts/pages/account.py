"""Signing in and out (local accounts and OpenID Connect) and choosing the language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.accounts.model import Account, LoginRefused
from produktlyft.accounts.service import oidc_sign_in, sign_in, sign_out
from produktlyft.kernel import i18n
from produktlyft.kernel.web.deps import (
    WebState,
    public_context,
    render,
    service_context,
    signed_in_account,
    web_state,
)
from produktlyft.kernel.web.security import csrf_token, page_router, public
from produktlyft.kernel.web.session import start_session

router = page_router()
nav = ()


def safe_next(target: str | None) -> str:
    """Only same-site paths, so the login page cannot send people elsewhere."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _start_session(request: Request, account: Account) -> None:
    start_session(request, account)
    csrf_token(request)


@router.get("/login")
@public
def login_form(request: Request, next: str | None = None) -> Response:
    return render(
        request,
        "account/login.html",
        next=safe_next(next),
        error=None,
        name="",
        oidc=web_state(request).oidc is not None,
    )


@router.post("/login")
@public
def login(
    request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")
) -> Response:
    ctx = public_context(request)
    try:
        account = sign_in(ctx, name.strip(), password, _client(request))
    except LoginRefused:
        return render(
            request,
            "account/login.html",
            status_code=400,
            next=safe_next(next),
            error="refused",
            name=name,
            oidc=web_state(request).oidc is not None,
        )
    _start_session(request, account)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
@public
def logout(request: Request) -> Response:
    if signed_in_account(request) is not None:  # ends every session of the account
        sign_out(service_context(request), _client(request))
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
    return RedirectResponse("/login", status_code=303)


@router.get("/language/{code}")
@public
def choose_language(request: Request, code: str, next: str | None = None) -> Response:
    if code in i18n.LANGUAGES:
        request.session["lang"] = code
    return RedirectResponse(safe_next(next), status_code=303)


def configure_oidc(state: WebState, client_kwargs: dict[str, Any] | None) -> None:
    """Register the OpenID Connect provider when the settings name one."""
    settings = state.settings
    if not (settings.oidc_issuer and settings.oidc_client_id):
        return
    from authlib.integrations.starlette_client import OAuth

    oauth = OAuth()
    state.oidc = oauth.register(
        name="oidc",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=settings.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile", **(client_kwargs or {})},
    )


@router.get("/login/oidc")
@public
async def oidc_start(request: Request, next: str | None = None) -> Response:
    client = web_state(request).oidc
    if client is None:
        return RedirectResponse("/login", status_code=303)
    request.session["oidc_next"] = safe_next(next)
    redirect: Response = await client.authorize_redirect(
        request, str(request.url_for("oidc_callback"))
    )
    return redirect


@router.get("/auth/oidc/callback")
@public
async def oidc_callback(request: Request) -> Response:
    state = web_state(request)
    if state.oidc is None:
        return RedirectResponse("/login", status_code=303)
    from authlib.integrations.base_client.errors import OAuthError
    from joserfc.errors import JoseError

    try:
        token = await state.oidc.authorize_access_token(request)
    except (OAuthError, JoseError):  # JoseError: an ID token altered, expired or for another
        return render(
            request,
            "account/login.html",
            status_code=400,
            next="/",
            error="oidc",
            name="",
            oidc=True,
        )
    claims = dict(token.get("userinfo") or {})
    try:
        account = oidc_sign_in(
            public_context(request), state.settings.oidc_issuer or "", claims, _client(request)
        )
    except LoginRefused:
        return render(
            request,
            "account/login.html",
            status_code=400,
            next="/",
            error="oidc",
            name="",
            oidc=True,
        )
    target = request.session.get("oidc_next", "/")
    _start_session(request, account)
    return RedirectResponse(safe_next(target), status_code=303)
