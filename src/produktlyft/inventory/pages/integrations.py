"""Which systems talk to which: a graph and the same facts as a table, manual re-keying first."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from produktlyft.inventory import presenter
from produktlyft.inventory.queries import IntegrationQuery
from produktlyft.inventory.services.browse import filter_options, integration_overview
from produktlyft.inventory.vocabularies import IntegrationKind
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, web_state
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.params import enum_param, page_param
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Integrations"), "/integrations", Permission.READ, order=40),)


@router.get("/integrations")
@needs(Permission.READ)
def integrations_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    params = request.query_params
    query = IntegrationQuery(
        system_id=params.get("system") or None,
        kind=enum_param(IntegrationKind, params.get("kind")),
        page=page_param(params.get("page")),
        per_page=web_state(request).settings.page_size,
    )
    overview = integration_overview(ctx, query)
    graph = presenter.integration_graph(ctx.caches, overview, request.state.lang)
    pairs = [
        (key, value)
        for key, value in (
            ("system", query.system_id),
            ("kind", query.kind.value if query.kind else None),
        )
        if value
    ]
    return render(
        request,
        "integrations/overview.html",
        query=query,
        overview=overview,
        graph=graph,
        kinds=list(IntegrationKind),
        systems=filter_options(ctx),
        base_query=urlencode(pairs) + "&" if pairs else "",
        can_edit=ctx.actor.can(Permission.EDIT),
    )
