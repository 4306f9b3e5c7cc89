"""Sign-in state, permission declarations and CSRF protection for the HTML pages.

Services enforce roles; routes only declare which permission they need (`@needs`), so that
the permission-matrix test can check every route against every role, and so the navigation
can hide what a role cannot use. Every page route is a `PageRoute`, which refuses any
state-changing request whose form or header lacks the session's CSRF token.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Mount

from produktlyft.kernel.access import Permission
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.kernel.web.session import signed_in_account

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
F = TypeVar("F", bound=Callable[..., Any])


class SignInRequired(ProduktlyftError):
    """The page needs a signed-in person; the app sends them to the login page."""


class CsrfRejected(ProduktlyftError):
    """A form came without the token of the session that showed it."""


def needs(permission: Permission) -> Callable[[F], F]:
    """Declare the permission a route's service calls require (the services enforce it)."""

    def mark(endpoint: F) -> F:
        endpoint.__permission__ = permission  # type: ignore[attr-defined]
        return endpoint

    return mark


def public(endpoint: F) -> F:
    """Declare a route open to everyone, signed in or not."""
    endpoint.__permission__ = None  # type: ignore[attr-defined]
    return endpoint


def capability_url(endpoint: F) -> F:
    """Declare a route whose address carries its own secret (a single-use answer link): a
    forged form would need that secret, so no session or CSRF token is asked for. Respondents
    then need no cookie at all."""
    endpoint.__csrf_exempt__ = True  # type: ignore[attr-defined]
    return endpoint


def declared_permission(endpoint: Callable[..., Any]) -> Permission | None:
    if not hasattr(endpoint, "__permission__"):
        raise TypeError(
            f"route {endpoint.__qualname__} declares no permission: "
            "use @needs(Permission.X) or @public"
        )
    permission: Permission | None = endpoint.__permission__
    return permission


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def _check_csrf(request: Request) -> None:
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise CsrfRejected("the form has expired or did not come from this site")


def _require_signed_in(request: Request, permission: Permission) -> None:
    account = signed_in_account(request)
    if account is None:
        raise SignInRequired("sign in to see this page")
    account.actor().require(permission)


class PageRoute(APIRoute):
    """A route of an HTML page: state-changing methods must carry the CSRF token."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        exempt = getattr(self.endpoint, "__csrf_exempt__", False)
        permission = declared_permission(self.endpoint)

        async def checked(request: Request) -> Response:
            if permission is not None:
                # mirror the services' check before reading the form, so a refused request
                # is refused as such whatever it carries
                await run_in_threadpool(_require_signed_in, request, permission)
            if request.method not in SAFE_METHODS and not exempt:
                await _check_csrf(request)
            return await handler(request)

        return checked


def iter_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every API route of an app with the path prefix it is served under: routes of included
    routers and of mounted FastAPI apps (the JSON API) too."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix, route
        elif hasattr(route, "original_router"):  # a router included with include_router
            context = getattr(route, "include_context", None)
            yield from iter_routes(
                route.original_router.routes, prefix + getattr(context, "prefix", "")
            )
        elif isinstance(route, Mount) and hasattr(route.app, "routes"):
            yield from iter_routes(route.app.routes, prefix + route.path)


def page_router(**kwargs: Any) -> APIRouter:
    """The router every page module uses; it makes each route a `PageRoute`."""
    return APIRouter(route_class=PageRoute, include_in_schema=False, **kwargs)
