"""The wins in the web app: the editor's page (drafts, approve, reject) and the public page,
Atom feed and open data, served without sign-in."""

from __future__ import annotations

import json

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from produktlyft.kernel import i18n
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Issue
from produktlyft.kernel.files.base import validation_wording
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, public_context, render
from produktlyft.kernel.web.navigation import NavEntry
from produktlyft.kernel.web.security import needs, page_router, public
from produktlyft.wins.model import Win
from produktlyft.wins.presenter import atom_feed, dcat, wins_csv, wins_json
from produktlyft.wins.service import (
    approve,
    draft_all,
    get_win,
    list_wins,
    published_wins,
    reject,
    save_draft,
)

router = page_router()
nav = (NavEntry(N_("Wins"), "/wins", Permission.READ, order=5, parent="/outcomes"),)
PUBLISHER = "produktlyft"


def _base(request: Request) -> str:
    state_settings = public_context(request).settings
    return (state_settings.public_base_url or str(request.base_url)).rstrip("/")


def _language(request: Request, lang: str | None) -> str:
    """?lang= first, then the session's choice, then the browser's Accept-Language."""
    chosen = lang if lang in i18n.LANGUAGES else request.session.get("lang")
    picked = i18n.choose_language(chosen, request.headers.get("accept-language"))
    request.state.lang = picked
    return picked


@router.get("/wins")
@needs(Permission.READ)
def wins_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    return render(
        request,
        "wins/editor.html",
        wins=list_wins(ctx),
        can_edit=ctx.actor.can(Permission.EDIT),
        can_publish=ctx.actor.can(Permission.ORGANISE),
    )


@router.post("/wins/draft")
@needs(Permission.EDIT)
def draft_page(request: Request, ctx: ServiceContext = PageContext) -> Response:
    draft_all(ctx)
    return RedirectResponse("/wins", status_code=303)


@router.post("/wins/decide")
@needs(Permission.ORGANISE)
def decide_page(
    request: Request,
    win_id: str = Form(...),
    decision: str = Form(...),
    ctx: ServiceContext = PageContext,
) -> Response:
    (approve if decision == "approve" else reject)(ctx, win_id)
    return RedirectResponse("/wins", status_code=303)


EDITABLE = ("title", "what_changed", "outcome", "team", "day")


@router.get("/wins/{win_id}/edit")
@needs(Permission.EDIT)
def edit_page(request: Request, win_id: str, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.EDIT)
    win = get_win(ctx, win_id)
    return render(
        request,
        "wins/edit.html",
        win=win,
        values=win.model_dump(mode="json"),
        issues=[],
        problems={},
    )


@router.post("/wins/{win_id}/edit")
@needs(Permission.EDIT)
async def save_page(request: Request, win_id: str, ctx: ServiceContext = PageContext) -> Response:
    ctx.actor.require(Permission.EDIT)
    form = await request.form()
    values = {name: str(form.get(name, "")).strip() for name in EDITABLE}
    win = get_win(ctx, win_id)
    try:
        edited = Win.model_validate({**win.model_dump(mode="json"), **values})
    except ValidationError as error:
        issues = [
            Issue.worded(validation_wording(e), column=".".join(str(p) for p in e["loc"]))
            for e in error.errors()
        ]
        return render(
            request,
            "wins/edit.html",
            status_code=400,
            win=win,
            values=values,
            issues=issues,
            problems={issue.column: issue for issue in issues},
        )
    save_draft(ctx, edited)
    return RedirectResponse("/wins", status_code=303)


@router.get("/public/wins")
@public
def public_page(request: Request, lang: str | None = None) -> Response:
    _language(request, lang)
    wins = published_wins(public_context(request))
    return render(request, "wins/public.html", wins=wins)


@router.get("/public/wins.atom")
@public
def public_feed(request: Request, lang: str | None = None) -> Response:
    chosen = _language(request, lang)
    wins = published_wins(public_context(request))
    body = atom_feed(wins, _base(request), chosen, PUBLISHER)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/public/wins.csv")
@public
def public_csv(request: Request) -> Response:
    wins = published_wins(public_context(request))
    return Response(wins_csv(wins), media_type="text/csv; charset=utf-8")


@router.get("/public/wins.json")
@public
def public_json(request: Request) -> Response:
    wins = published_wins(public_context(request))
    return Response(
        json.dumps(wins_json(wins), ensure_ascii=False, indent=2),
        media_type="application/json",
    )


@router.get("/public/wins/dcat.jsonld")
@public
def public_dcat(request: Request) -> Response:
    wins = published_wins(public_context(request))
    document = dcat(wins, _base(request), PUBLISHER)
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2), media_type="application/ld+json"
    )
