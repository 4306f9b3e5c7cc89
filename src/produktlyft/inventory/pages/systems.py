"""The systems list (search, filters, sorting, paging) and the detail page of one system."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from produktlyft.inventory.queries import MissingFact, SystemQuery, SystemSort
from produktlyft.inventory.services.browse import list_systems, system_detail
from produktlyft.inventory.vocabularies import Criticality, Hosting, Lifecycle
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, web_state
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.params import enum_param, page_param
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Systems"), "/systems", Permission.READ, order=20),)
FACT_LABELS = {
    "owner": N_("No owner"),
    "criticality": N_("No criticality"),
    "lifecycle": N_("No lifecycle phase"),
    "cost": N_("No cost"),
    "any": N_("Not complete (any of these)"),
}


def system_query(request: Request) -> SystemQuery:
    """The list's question from the address: unknown values are ignored, not errors."""
    params = request.query_params
    return SystemQuery(
        text=(params.get("q") or "").strip()[:200] or None,
        unit_id=params.get("unit") or None,
        criticality=enum_param(Criticality, params.get("criticality")),
        lifecycle=enum_param(Lifecycle, params.get("lifecycle")),
        hosting=enum_param(Hosting, params.get("hosting")),
        capability_id=params.get("capability") or None,
        missing=enum_param(MissingFact, params.get("missing")),
        sort=enum_param(SystemSort, params.get("sort")) or SystemSort.NAME,
        descending=params.get("dir") == "desc",
        page=page_param(params.get("page")),
        per_page=web_state(request).settings.page_size,
    )


def query_string(query: SystemQuery, **changes: object) -> str:
    """The address part for a query, with some settings changed; ends with '&' if not empty."""
    values: dict[str, object] = {
        "q": query.text,
        "unit": query.unit_id,
        "criticality": query.criticality,
        "lifecycle": query.lifecycle,
        "hosting": query.hosting,
        "capability": query.capability_id,
        "missing": query.missing,
        "sort": query.sort if query.sort is not SystemSort.NAME else None,
        "dir": "desc" if query.descending else None,
    }
    values.update(changes)
    pairs = [(key, str(value)) for key, value in values.items() if value]
    return urlencode(pairs) + "&" if pairs else ""


@router.get("/systems")
@needs(Permission.READ)
def systems_list(request: Request, ctx: ServiceContext = PageContext) -> Response:
    query = system_query(request)
    listed = list_systems(ctx, query)
    return render(
        request,
        "systems/list.html",
        query=query,
        results=listed.results,
        options=listed.options,
        criticalities=list(Criticality),
        lifecycles=list(Lifecycle),
        hostings=list(Hosting),
        sorts=SystemSort,
        missing_facts=list(MissingFact),
        fact_labels=FACT_LABELS,
        query_string=query_string,
        can_edit=ctx.actor.can(Permission.EDIT),
    )


@router.get("/systems/{system_id:path}")
@needs(Permission.READ)
def system_page(request: Request, system_id: str, ctx: ServiceContext = PageContext) -> Response:
    detail = system_detail(ctx, system_id)
    return render(
        request,
        "systems/detail.html",
        detail=detail,
        s=detail.system,
        can_edit=ctx.actor.can(Permission.EDIT),
    )
