"""A served process gets ready before it takes connections: every page template compiled, the
catalogues read and the chart engine started (the first dashboard after a start took 441 ms,
and requests queued behind it), and its thread pool sized by the `web_threads` setting."""

from __future__ import annotations

from anyio import to_thread
from fastapi import FastAPI
from fastapi.testclient import TestClient

from produktlyft.bootstrap import web_app
from produktlyft.kernel import i18n
from produktlyft.kernel.settings import Settings
from produktlyft.kernel.web.session import WebState


def _limit_inside(app: FastAPI) -> list[float]:
    """The thread pool's size as the app's own event loop sees it."""
    seen: list[float] = []

    @app.get("/test-thread-limit", include_in_schema=False)
    async def limit() -> dict[str, float]:
        seen.append(to_thread.current_default_thread_limiter().total_tokens)
        return {}

    limit.__permission__ = None  # type: ignore[attr-defined]
    return seen


def test_start_up_compiles_templates_reads_catalogues_and_sizes_the_pool(
    settings: Settings,
) -> None:
    app = web_app(settings.model_copy(update={"web_threads": 3}))
    state: WebState = app.state.web
    i18n.translations.cache_clear()
    assert not state.renderer.env.cache
    seen = _limit_inside(app)
    with TestClient(app) as client:  # runs the start-up
        cache = state.renderer.env.cache
        assert cache is not None
        compiled = {name for (_, name) in cache}
        assert "layout/base.html" in compiled and "systems/list.html" in compiled
        assert len(compiled) > 40
        assert i18n.translations.cache_info().currsize == len(i18n.LANGUAGES)
        assert client.get("/test-thread-limit").status_code == 200
    assert seen == [3]
