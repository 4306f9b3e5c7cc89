"""Administration: accounts (create, role, password reset, disable), API tokens, and the
latest audit-log events (the whole log, paged and filtered, is on /admin/audit)."""

from __future__ import annotations

from typing import Any

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.accounts.audit import audit_page
from produktlyft.accounts.model import AuditQuery
from produktlyft.accounts.service import (
    add_user,
    list_accounts,
    reset_password,
    set_disabled,
    set_role,
)
from produktlyft.accounts.tokens import create_token, list_tokens, revoke_token
from produktlyft.kernel.access import Permission, Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = (NavEntry(N_("Administration"), "/admin", Permission.ADMINISTER, order=90),)
LATEST_EVENTS = 10  # the overview shows the newest few; /admin/audit has them all


def _overview(
    request: Request,
    ctx: ServiceContext,
    *,
    status_code: int = 200,
    issues: list[Issue] | None = None,
    form: str | None = None,
    values: dict[str, Any] | None = None,
) -> Response:
    latest = audit_page(ctx, AuditQuery())
    return render(
        request,
        "admin/overview.html",
        status_code=status_code,
        accounts=list_accounts(ctx),
        tokens=list_tokens(ctx),
        changes=latest.changes[:LATEST_EVENTS],
        roles=list(Role),
        new_token=request.session.pop("new_token", None),
        done=request.session.pop("admin_done", None),
        issues=issues or [],
        form=form,
        values=values or {},
    )


@router.get("/admin")
@needs(Permission.ADMINISTER)
def admin_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return _overview(request, ctx)


def _done(request: Request, message: str, name: str) -> Response:
    # said once on the next page (post/redirect/get), in the reader's language
    request.session["admin_done"] = [message, name]
    return RedirectResponse("/admin#accounts", status_code=303)


@router.post("/admin/accounts")
@needs(Permission.ADMINISTER)
def create_account(
    request: Request,
    name: str = Form(""),
    display_name: str = Form(""),
    role: Role = Form(Role.VIEWER),
    password: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        add_user(ctx, name.strip(), role, password, display_name=display_name.strip() or None)
    except InvalidInput as invalid:
        values = {"name": name, "display_name": display_name, "role": role.value}
        return _overview(
            request, ctx, status_code=400, issues=invalid.issues, form="create", values=values
        )
    return _done(request, N_("Account %(name)s was created."), name.strip())


@router.post("/admin/password")
@needs(Permission.ADMINISTER)
def admin_reset_password(
    request: Request,
    name: str = Form(...),
    password: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        reset_password(ctx, name, password)
    except InvalidInput as invalid:
        return _overview(request, ctx, status_code=400, issues=invalid.issues, form=f"reset:{name}")
    return _done(request, N_("The password of %(name)s was reset; its sessions ended."), name)


@router.post("/admin/disabled")
@needs(Permission.ADMINISTER)
def admin_set_disabled(
    request: Request,
    name: str = Form(...),
    disabled: bool = Form(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        set_disabled(ctx, name, disabled)
    except InvalidInput as invalid:
        return _overview(request, ctx, status_code=400, issues=invalid.issues, form="accounts")
    message = N_("%(name)s was disabled.") if disabled else N_("%(name)s was enabled.")
    return _done(request, message, name)


@router.post("/admin/roles")
@needs(Permission.ADMINISTER)
def change_role(
    request: Request,
    name: str = Form(...),
    role: Role = Form(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    set_role(ctx, name, role)
    return _done(request, N_("The role of %(name)s was changed; its sessions ended."), name)


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
