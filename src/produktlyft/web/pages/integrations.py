"""Which systems talk to which: a graph and the same facts as a table, manual re-keying first."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from produktlyft.domain.access import Permission
from produktlyft.domain.browse import IntegrationQuery
from produktlyft.domain.enums import IntegrationKind
from produktlyft.i18n import N_
from produktlyft.services.inventory_browse import filter_options, integration_overview
from produktlyft.web.deps import render, service_context, web_state
from produktlyft.web.navigation import NavEntry
from produktlyft.web.params import enum_param, page_param
from produktlyft.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Integrations"), "/integrations", Permission.READ, order=40),)


@router.get("/integrations")
@needs(Permission.READ)
def integrations_page(request: Request) -> Response:
    ctx = service_context(request)
    params = request.query_params
    query = IntegrationQuery(system_id=params.get("system") or None,
                             kind=enum_param(IntegrationKind, params.get("kind")),
                             page=page_param(params.get("page")),
                             per_page=web_state(request).settings.page_size)
    overview = integration_overview(ctx, query, request.state.lang)
    pairs = [(key, value) for key, value in (("system", query.system_id),
                                             ("kind", query.kind.value if query.kind else None))
             if value]
    return render(request, "integrations/overview.html", query=query, overview=overview,
                  kinds=list(IntegrationKind), systems=filter_options(ctx),
                  base_query=urlencode(pairs) + "&" if pairs else "",
                  can_edit=ctx.actor.can(Permission.EDIT))
