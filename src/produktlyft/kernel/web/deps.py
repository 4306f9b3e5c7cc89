"""What a route needs from the app: the service context for the signed-in person, and how to
render. Routes stay thin: parse input, call one service, render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from produktlyft.accounts.model import Account
from produktlyft.accounts.service import account_for_session
from produktlyft.kernel import i18n
from produktlyft.kernel.access import ANONYMOUS
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import Database
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.rendering import Renderer
from produktlyft.kernel.web.security import SignInRequired, csrf_token


@dataclass
class WebState:
    settings: Settings
    database: Database
    renderer: Renderer
    nav: list[NavEntry] = field(default_factory=list)
    oidc: Any = None  # an Authlib client when OpenID Connect is configured


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def signed_in_account(request: Request) -> Account | None:
    """The account of the session, looked up afresh so a removed role takes effect at once."""
    if "account" in request.state._state:
        account: Account | None = request.state.account
        return account
    name = request.session.get("user")
    account = account_for_session(web_state(request).database, name) if name else None
    if name and account is None:
        request.session.clear()
    request.state.account = account
    return account


def service_context(request: Request) -> ServiceContext:
    """The context to call services with; sends anonymous visitors to the login page."""
    account = signed_in_account(request)
    if account is None:
        raise SignInRequired("sign in to see this page")
    state = web_state(request)
    return ServiceContext(state.database, account.actor(), state.settings)


def public_context(request: Request) -> ServiceContext:
    """A context for pages anyone may see (login, accessibility statement)."""
    state = web_state(request)
    account = signed_in_account(request)
    actor = account.actor() if account else ANONYMOUS
    return ServiceContext(state.database, actor, state.settings)


@dataclass
class PageFurniture:
    """What the base layout shows around every page."""

    path: str
    account: Account | None
    nav: list[tuple[NavEntry, bool]]
    csrf: str
    lang: str
    languages: list[tuple[str, str]]
    query: str


def furniture(request: Request) -> PageFurniture:
    state = web_state(request)
    account = signed_in_account(request)
    actor = account.actor() if account else None
    path = request.url.path
    return PageFurniture(
        path=path,
        account=account,
        nav=[(entry, entry.is_current(path)) for entry in state.nav if entry.visible_to(actor)],
        csrf=csrf_token(request),
        lang=request.state.lang,
        languages=[(code, i18n.language_name(code)) for code in i18n.LANGUAGES],
        query=request.url.query,
    )


def render(
    request: Request,
    template: str,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    request.state.page = furniture(request)
    return web_state(request).renderer.render(request, template, status_code, headers, **context)
