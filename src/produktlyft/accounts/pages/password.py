"""A signed-in person changes their own password (local accounts)."""

from __future__ import annotations

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.accounts.service import change_own_password
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.security import csrf_token, needs, page_router
from produktlyft.kernel.web.session import start_session

router = page_router()
nav = ()


@router.get("/account/password")
@needs(Permission.READ)
def password_form(request: Request, ctx: ServiceContext = PageContext) -> Response:
    done = request.session.pop("password_changed", False)
    return render(request, "account/password.html", issues=[], done=done)


@router.post("/account/password")
@needs(Permission.READ)
def change_password(
    request: Request,
    old: str = Form(""),
    new: str = Form(""),
    ctx: ServiceContext = PageContext,
) -> Response:
    try:
        account = change_own_password(ctx, old, new)
    except InvalidInput as invalid:
        return render(
            request, "account/password.html", status_code=400, issues=invalid.issues, done=False
        )
    # every other session has ended; this one continues with the new generation
    start_session(request, account)
    csrf_token(request)
    request.session["password_changed"] = True
    return RedirectResponse("/account/password", status_code=303)
