"""Administration: the audit log, accounts and their roles, and API tokens."""

from __future__ import annotations

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.accounts.service import (
    audit_log,
    create_token,
    list_accounts,
    list_tokens,
    revoke_token,
    set_role,
)
from produktlyft.kernel.access import Permission, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Administration"), "/admin", Permission.ADMINISTER, order=90),)


@router.get("/admin")
@needs(Permission.ADMINISTER)
def admin_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "admin/overview.html",
        accounts=list_accounts(ctx),
        tokens=list_tokens(ctx),
        changes=audit_log(ctx, 200),
        roles=list(Role),
        new_token=request.session.pop("new_token", None),
    )


@router.post("/admin/roles")
@needs(Permission.ADMINISTER)
def change_role(
    request: Request,
    name: str = Form(...),
    role: Role = Form(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    set_role(ctx, name, role)
    return RedirectResponse("/admin#accounts", status_code=303)


@router.post("/admin/tokens")
@needs(Permission.ADMINISTER)
def new_token(
    request: Request,
    name: str = Form(...),
    role: Role = Form(Role.VIEWER),
    ctx: ServiceContext = PageContext,
) -> Response:
    created = create_token(ctx, name.strip(), role)
    # shown once, on the next page, then forgotten
    request.session["new_token"] = created.secret
    return RedirectResponse("/admin#tokens", status_code=303)


@router.post("/admin/tokens/revoke")
@needs(Permission.ADMINISTER)
def revoke(request: Request, pk: int = Form(...), ctx: ServiceContext = PageContext) -> Response:
    revoke_token(ctx, pk)
    return RedirectResponse("/admin#tokens", status_code=303)
