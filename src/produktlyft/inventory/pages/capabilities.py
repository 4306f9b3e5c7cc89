"""The capability map: the hierarchy of capabilities with the systems that support each."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from produktlyft.inventory.services.browse import SYSTEMS_PER_CAPABILITY, capability_map
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Capabilities"), "/capabilities", Permission.READ, order=30),)


@router.get("/capabilities")
@needs(Permission.READ)
def capabilities_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "capabilities/map.html",
        roots=capability_map(ctx),
        sample=SYSTEMS_PER_CAPABILITY,
        can_edit=ctx.actor.can(Permission.EDIT),
    )
