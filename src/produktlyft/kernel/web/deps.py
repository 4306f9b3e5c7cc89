"""What a route needs from the app: the service context for the signed-in person, and how to
render. Routes stay thin: parse input, call one service, render."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from produktlyft.kernel import i18n
from produktlyft.kernel.access import ANONYMOUS
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import SignInRequired, csrf_token
from produktlyft.kernel.web.session import SignedIn, WebState, signed_in_account, web_state

__all__ = [
    "PageContext",
    "PageFurniture",
    "WebState",
    "furniture",
    "public_context",
    "render",
    "service_context",
    "signed_in_account",
    "web_state",
]


def service_context(request: Request) -> ServiceContext:
    """The context to call services with; sends anonymous visitors to the login page."""
    account = signed_in_account(request)
    if account is None:
        raise SignInRequired("sign in to see this page")
    state = web_state(request)
    return ServiceContext(state.database, account.actor(), state.settings, state.caches)


# A route's parameter `ctx: ServiceContext = PageContext` is the signed-in person's context.
PageContext: Any = Depends(service_context)


def public_context(request: Request) -> ServiceContext:
    """A context for pages anyone may see (login, accessibility statement)."""
    state = web_state(request)
    account = signed_in_account(request)
    actor = account.actor() if account else ANONYMOUS
    return ServiceContext(state.database, actor, state.settings, state.caches)


@dataclass
class PageFurniture:
    """What the base layout shows around every page."""

    path: str
    account: SignedIn | None
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
