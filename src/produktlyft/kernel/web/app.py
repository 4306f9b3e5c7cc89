"""The web application shell: `create_app(settings, areas)` builds it from the areas the
composition root hands over (`produktlyft.bootstrap.web_app`); `produktlyft serve` runs it.

Adding an area: give its `Area` a `pages` function returning its page modules (each with
`router = page_router()` and `nav = (...)`), its `templates` folder, and strings in
`i18n/locale/*/LC_MESSAGES/<domain>.po`; then list the area in the composition root. See
docs/web.md.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from produktlyft.kernel import i18n
from produktlyft.kernel.area import Area, templates_of, the_one
from produktlyft.kernel.cache import CacheRegistry
from produktlyft.kernel.db.open import open_database
from produktlyft.kernel.health import check_health
from produktlyft.kernel.report.build import Report
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web import about, errors
from produktlyft.kernel.web.middleware import LanguageMiddleware, SecurityHeadersMiddleware
from produktlyft.kernel.web.navigation import page_group
from produktlyft.kernel.web.rendering import Renderer
from produktlyft.kernel.web.security import PageRoute, declared_permission, iter_routes
from produktlyft.kernel.web.session import WebState

STATIC = Path(__file__).parent / "static"
SESSION_COOKIE = "produktlyft_session"


def page_modules(areas: Sequence[Area]) -> list[ModuleType]:
    """Every page module of the app: the areas' in their order, then the shell's own.
    Navigation follows each entry's `order`."""
    modules = [module for area in areas if area.pages for module in area.pages()]
    return [*modules, about]


def _renderer(areas: Sequence[Area], caches: CacheRegistry) -> Renderer:
    helpers: dict[str, Any] = {}
    for area in areas:
        if area.template_globals:
            helpers.update(area.template_globals())
    return Renderer(caches, templates_of(areas), helpers)


def settle_heap() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight. The app
    imports several hundred thousand long-lived objects (the analytics and chart libraries
    and their schemas); without this every full collection walks them all and stalls each
    request in the process for some 300 ms, a few times a minute under load."""
    gc.collect()
    gc.freeze()


def warm_up(app: FastAPI) -> None:
    """What each page's first request would otherwise load, done before the process takes
    connections: the templates, the catalogues and the chart engine. Measured on a cold
    worker: the first dashboard took 441 ms and each page's first view some 30 ms more, and
    under load the requests queued behind them gave a p99 of 1-2 s in the first seconds."""
    from produktlyft.kernel import charts  # the chart stack loads where pages are served

    state: WebState = app.state.web
    state.renderer.compile_all()
    i18n.load_all()
    charts.warm_up()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    warm_up(app)  # in each server process, before it accepts connections
    state: WebState = app.state.web
    # the pages run in the thread pool: its size is how many this process works on at once
    to_thread.current_default_thread_limiter().total_tokens = state.settings.web_threads
    settle_heap()  # once everything is imported and loaded
    yield


def create_app(
    settings: Settings,
    areas: Sequence[Area],
    *,
    caches: CacheRegistry | None = None,
    report: Report | None = None,
    oidc_client_kwargs: dict[str, object] | None = None,
) -> FastAPI:
    database = open_database(settings.database_url, settings.database_pool_size)
    caches = caches or CacheRegistry()
    sign_in = the_one(areas, lambda area: area.sign_in, "the sign-in")()
    secure = settings.cookie_secure is not False
    app = FastAPI(
        title="produktlyft", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan
    )
    state = WebState(
        settings=settings,
        database=database,
        renderer=_renderer(areas, caches),
        sign_in=sign_in,
        caches=caches,
        report=report,
    )
    app.state.web = state

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        health = check_health(database)
        return JSONResponse(health, status_code=200 if health["database"] == "ok" else 503)

    healthz.__permission__ = None  # type: ignore[attr-defined]

    for module in page_modules(areas):
        pages = page_group(module)
        app.include_router(pages.router)
        state.nav.extend(pages.nav)
    state.nav.sort(key=lambda entry: entry.order)
    for area in areas:
        for api in area.api() if area.api else ():
            app.mount(api.path, api.create(state), name=api.name)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    sign_in.configure(state, oidc_client_kwargs)
    errors.install(app)
    _check_routes(app)

    app.add_middleware(LanguageMiddleware, default=settings.default_language)
    app.add_middleware(
        SessionMiddleware,
        secret_key=sign_in.session_secret(settings),
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
