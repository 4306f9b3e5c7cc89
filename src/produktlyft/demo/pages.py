"""The start page's "try the demo organisation" button: it loads the demo into an empty
inventory and returns to the overview."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from produktlyft.demo.service import load_demo_into_empty
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Conflict
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.security import needs, page_router

router = page_router()


@router.post("/demo/load")
@needs(Permission.IMPORT)
async def load(request: Request, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.IMPORT)
    try:
        await run_in_threadpool(load_demo_into_empty, ctx)
    except Conflict:
        return render(request, "demo/not_empty.html", status_code=409)
    return RedirectResponse("/", status_code=303)
