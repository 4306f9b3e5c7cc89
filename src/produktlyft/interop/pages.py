"""The integration map and the interop table, and one system's interop page."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from produktlyft.interop.presenter.page import (
    SortKey,
    cloud_lines,
    map_figure,
    map_legend,
    parse_sort,
    rows,
)
from produktlyft.interop.presenter.words import reason_text
from produktlyft.interop.service import overview, system_view
from produktlyft.inventory.vocabularies import IntegrationKind
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Interoperability"), "/interop", Permission.READ, order=6, parent="/roadmap"),)


@router.get("/interop")
@needs(Permission.READ)
def interop_page(
    request: Request,
    unit: str | None = None,
    sort: str | None = None,
    dir: str | None = None,  # the query parameter's name, as on other list pages
    ctx: ServiceContext = PageContext,
) -> Response:
    lang = request.state.lang
    view = overview(ctx, unit or None)
    key = parse_sort(sort)
    return render(
        request,
        "interop/index.html",
        view=view,
        rows=rows(view, lang, key, dir == "desc"),
        sort=key,
        descending=dir == "desc",
        sort_keys=SortKey,
        figure=map_figure(view, lang),
        legend=map_legend(lang),
    )


@router.get("/interop/systems/{system_id}")
@needs(Permission.READ)
def system_page(request: Request, system_id: str, ctx: ServiceContext = PageContext) -> Response:
    lang = request.state.lang
    view = system_view(ctx, system_id)
    return render(
        request,
        "interop/system.html",
        view=view,
        reasons=[reason_text(r, lang) for r in view.interop.reasons],
        disposition_text=reason_text(view.disposition.reason, lang),
        cloud=cloud_lines(view, lang),
        kinds={kind.value: kind for kind in IntegrationKind},
    )
