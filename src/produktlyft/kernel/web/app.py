"""The web application: `create_app(settings)` builds it; `produktlyft serve` runs it.

Adding an area: write `web/pages/<area>.py` with `router = page_router()` and `nav = (...)`,
templates under `templates/<area>/`, strings in `i18n/locale/*/LC_MESSAGES/<area>.po`, then add
the module to `PAGES` below. See docs/web.md.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from produktlyft.accounts.pages import account, admin
from produktlyft.accounts.service import session_secret
from produktlyft.decisions import pages as decisions
from produktlyft.inventory.api import v1 as api_v1
from produktlyft.inventory.pages import (
    capabilities,
    contracts,
    edit,
    home,
    imports,
    integrations,
    systems,
)
from produktlyft.kernel import cache as page_cache
from produktlyft.kernel.db.open import open_database
from produktlyft.kernel.health import check_health
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web import about, errors
from produktlyft.kernel.web.deps import WebState
from produktlyft.kernel.web.middleware import LanguageMiddleware, SecurityHeadersMiddleware
from produktlyft.kernel.web.navigation import area_of
from produktlyft.kernel.web.rendering import Renderer
from produktlyft.kernel.web.security import PageRoute, declared_permission, iter_routes
from produktlyft.review.pages import duplicates as review_duplicates
from produktlyft.review.pages import evidence as review_evidence
from produktlyft.review.pages import overview as review
from produktlyft.review.pages import weights as review_weights
from produktlyft.surveys.pages import answer as survey_answer
from produktlyft.surveys.pages import rounds as surveys
from produktlyft.workflows import pages as workflows

STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "produktlyft_session"

# Every area of the web app, in one list. Navigation follows each entry's `order`.
PAGES: list[ModuleType] = [
    home,
    systems,
    capabilities,
    integrations,
    contracts,
    workflows,
    imports,
    edit,
    admin,
    account,
    about,
    surveys,
    survey_answer,
    decisions,
    review,
    review_duplicates,
    review_evidence,
    review_weights,
]


def settle_heap() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight. The app
    imports several hundred thousand long-lived objects (the analytics and chart libraries
    and their schemas); without this every full collection walks them all and stalls each
    request in the process for some 300 ms, a few times a minute under load."""
    gc.collect()
    gc.freeze()


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    settle_heap()  # in each server process, once everything is imported
    yield


def create_app(
    settings: Settings,
    *,
    oidc_client_kwargs: dict[str, object] | None = None,
) -> FastAPI:
    database = open_database(settings.database_url, settings.database_pool_size)
    page_cache.configure(settings)
    secure = settings.cookie_secure is not False
    app = FastAPI(
        title="produktlyft", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan
    )
    state = WebState(settings=settings, database=database, renderer=Renderer())
    app.state.web = state

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        health = check_health(database)
        return JSONResponse(health, status_code=200 if health["database"] == "ok" else 503)

    healthz.__permission__ = None  # type: ignore[attr-defined]

    for module in PAGES:
        area = area_of(module)
        app.include_router(area.router)
        state.nav.extend(area.nav)
    state.nav.sort(key=lambda entry: entry.order)
    app.mount("/api/v1", api_v1.create_api(state), name="api")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    account.configure_oidc(state, oidc_client_kwargs)
    errors.install(app)
    _check_routes(app)

    app.add_middleware(LanguageMiddleware, default=settings.default_language)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(settings),
        session_cookie=SESSION_COOKIE,
        max_age=settings.session_hours * 3600,
        same_site="lax",
        https_only=secure,
    )
    app.add_middleware(SecurityHeadersMiddleware, https=secure)
    return app


def _check_routes(app: FastAPI) -> None:
    """Refuse to start with a page route that skips CSRF checks or declares no permission."""
    for prefix, route in iter_routes(app.routes):
        declared_permission(route.endpoint)
        is_page = not prefix.startswith("/api/") and route.path != "/healthz"
        if is_page and not isinstance(route, PageRoute):
            raise TypeError(f"{route.path} must come from page_router() (CSRF checks)")
