"""The answering pages at /s/<token>: no login, Swedish or English, one form per link.

GET shows the form; POST records the answer and uses up the link. The statuses are part of the
contract in docs/surveys.md: 409 used, 410 closed, 403 not yet open, 404 unknown, 400 invalid.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from produktlyft.kernel.errors import InvalidInput, ProduktlyftError
from produktlyft.kernel.web.deps import public_context, render
from produktlyft.kernel.web.security import capability_url, page_router, public
from produktlyft.surveys.model import AlreadyUsed, LinkNotFound, RoundClosed, RoundNotOpen
from produktlyft.surveys.services.answers import AnswerForm, open_answer_form, submit_answer

router = page_router()
nav = ()
_HEADERS = {"X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer"}
_STATUS: dict[type[ProduktlyftError], tuple[int, str]] = {
    AlreadyUsed: (409, "used"),
    RoundClosed: (410, "closed"),
    RoundNotOpen: (403, "not_open"),
    LinkNotFound: (404, "unknown"),
}
_REFUSALS = (AlreadyUsed, RoundClosed, RoundNotOpen, LinkNotFound)


def _language(request: Request, lang: str | None) -> str:
    if lang in ("sv", "en"):
        request.state.lang = lang  # the page follows the link's language
    return str(request.state.lang)


def _refused(request: Request, error: ProduktlyftError) -> Response:
    status, kind = next(v for t, v in _STATUS.items() if isinstance(error, t))
    return render(
        request,
        "surveys/answer_status.html",
        status_code=status,
        headers=_HEADERS,
        kind=kind,
        opens_on=getattr(error, "opens_on", None),
    )


def _form(
    request: Request,
    form: AnswerForm,
    values: dict[str, str],
    problems: dict[str, str],
    status: int = 200,
) -> Response:
    return render(
        request,
        "surveys/answer.html",
        status_code=status,
        headers=_HEADERS,
        form=form,
        values=values,
        problems=problems,
    )


@router.get("/s/{token}")
@public
@capability_url
def answer_page(request: Request, token: str, lang: str | None = None) -> Response:
    language = _language(request, lang)
    try:
        form = open_answer_form(public_context(request), token, language)
    except _REFUSALS as error:
        return _refused(request, error)
    return _form(request, form, {}, {})


@router.post("/s/{token}")
@public
@capability_url
async def answer_submit(request: Request, token: str, lang: str | None = None) -> Response:
    language = _language(request, lang)
    posted = await request.form()
    fields = {key: [str(v) for v in posted.getlist(key)] for key in posted}
    ctx = public_context(request)
    try:
        receipt = await run_in_threadpool(submit_answer, ctx, token, fields)
    except InvalidInput as invalid:
        form = await run_in_threadpool(open_answer_form, ctx, token, language)
        values = {key: found[-1] for key, found in fields.items() if found}
        problems = {issue.column or "": issue.message for issue in invalid.issues}
        return _form(request, form, values, problems, status=400)
    except _REFUSALS as error:
        return _refused(request, error)
    return render(
        request,
        "surveys/answer_status.html",
        headers=_HEADERS,
        kind="thanks",
        opens_on=None,
        receipt=receipt,
    )
