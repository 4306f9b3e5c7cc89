"""Contracts, ordered by the date they end: what must be renewed or procured next."""

from __future__ import annotations

from datetime import date

from fastapi import Request
from fastapi.responses import Response

from produktlyft.inventory.services.browse import contracts_by_end_date
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, web_state
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.params import page_param
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Contracts"), "/contracts", Permission.READ, order=50),)


@router.get("/contracts")
@needs(Permission.READ)
def contracts_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    page = page_param(request.query_params.get("page"))
    contracts = contracts_by_end_date(ctx, page, web_state(request).settings.page_size)
    return render(
        request,
        "contracts/list.html",
        contracts=contracts,
        today=date.today(),
        can_edit=ctx.actor.can(Permission.EDIT),
    )
