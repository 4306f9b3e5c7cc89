"""The audit log, a page at a time, filtered by kind of event, person and days; the filters
live in the URL, so a filtered view can be bookmarked and paged."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from produktlyft.accounts.audit import audit_page
from produktlyft.accounts.model import AuditKind, AuditQuery
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = ()
KIND_LABELS = {
    AuditKind.ALL: N_("All events"),
    AuditKind.CHANGES: N_("Changes only (no sign-ins)"),
    AuditKind.SIGN_INS: N_("Signing in and out"),
    AuditKind.FAILED_SIGN_INS: N_("Failed sign-ins"),
}


def _day(text: str | None) -> date | None:
    """A day from the URL; anything else is ignored rather than refused (a filter, not data)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/admin/audit")
@needs(Permission.ADMINISTER)
def audit_log_page(
    request: Request,
    kind: str = "all",
    actor: str = "",
    since: str = "",
    until: str = "",
    page: int = 1,
    ctx: ServiceContext = PageContext,
) -> Response:
    query = AuditQuery(
        kind=AuditKind(kind) if kind in AuditKind._value2member_map_ else AuditKind.ALL,
        actor=actor.strip() or None,
        since=_day(since),
        until=_day(until),
        page=max(page, 1),
    )
    result = audit_page(ctx, query)
    filters = {
        "kind": query.kind.value,
        "actor": query.actor or "",
        "since": query.since.isoformat() if query.since else "",
        "until": query.until.isoformat() if query.until else "",
    }
    kept = {key: value for key, value in filters.items() if value and value != "all"}
    return render(
        request,
        "admin/audit.html",
        result=result,
        filters=filters,
        kinds=[(kind.value, KIND_LABELS[kind]) for kind in AuditKind],
        base_query=urlencode(kept) + "&" if kept else "",
    )
