"""The start page: what the inventory holds and how complete it is."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from produktlyft.inventory.presenter import dashboard_view
from produktlyft.inventory.services.dashboard import dashboard
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Overview"), "/", Permission.READ, order=10),)


@router.get("/")
@needs(Permission.READ)
def start(request: Request, ctx: ServiceContext = PageContext) -> Response:
    board = dashboard(ctx)
    view = dashboard_view(board, request.state.lang)
    return render(
        request,
        "home/dashboard.html",
        board=board,
        view=view,
        can_import=ctx.actor.can(Permission.IMPORT),
    )
