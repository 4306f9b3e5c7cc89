"""The accessibility statement (tillgänglighetsredogörelse), as the DOS law requires."""

from __future__ import annotations

from datetime import date

from fastapi import Request
from fastapi.responses import Response

from produktlyft.kernel.web.deps import render
from produktlyft.kernel.web.security import page_router, public

STATEMENT_REVIEWED = date(2026, 11, 27)
router = page_router()
nav = ()


@router.get("/accessibility")
@public
def accessibility_statement(request: Request) -> Response:
    return render(request, "about/accessibility.html", statement_date=STATEMENT_REVIEWED)
