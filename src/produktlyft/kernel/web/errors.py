"""Turning errors into pages a person can act on: never a stack trace."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException

from produktlyft.kernel.db import (
    DatabaseBusy,
    DatabaseNotInitialised,
    DatabaseNotWritable,
    DatabaseUnavailable,
)
from produktlyft.kernel.errors import (
    WRITE_ERRNOS,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ProduktlyftError,
    TooManyAttempts,
)
from produktlyft.kernel.web import problems
from produktlyft.kernel.web.deps import render
from produktlyft.kernel.web.security import CsrfRejected, SignInRequired

log = logging.getLogger("produktlyft.kernel.web")
API_PREFIX = "/api/"


def _page(
    request: Request,
    status: int,
    kind: str,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "errors/error.html",
        status_code=status,
        headers=headers,
        kind=kind,
        status=status,
        detail=detail,
        issues=[],
    )


async def _sign_in(request: Request, _error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


async def _denied(request: Request, _error: Exception) -> Response:
    return _page(request, 403, "denied")


async def _csrf(request: Request, _error: Exception) -> Response:
    return _page(request, 403, "csrf")


async def _not_found(request: Request, _error: Exception) -> Response:
    return _page(request, 404, "not_found")


async def _too_many(request: Request, error: Exception) -> Response:
    wait = error.retry_after if isinstance(error, TooManyAttempts) else 60
    return _page(request, 429, "too_many", headers={"Retry-After": str(wait)})


async def _unavailable(request: Request, error: Exception) -> Response:
    log.error("database problem: %s", error)
    request.state.account = None  # do not ask the database who is signed in
    return _page(request, 503, "unavailable")


async def _busy(request: Request, error: Exception) -> Response:
    log.warning("database busy: %s", error)  # transient: another writer held the lock
    request.state.account = None
    return _page(request, 503, "unavailable", headers={"Retry-After": "5"})


async def _not_writable(request: Request, error: Exception) -> Response:
    # the message names a server path: for the log, not for the visitor
    log.error("storage problem: %s", error)
    request.state.account = None
    return _page(request, 503, "not_writable", headers={"Retry-After": "60"})


async def _os_error(request: Request, error: Exception) -> Response:
    """A file the server could not write (an upload, an event log, a report): a full disk or a
    read-only folder is the operator's to fix, not a bug."""
    if isinstance(error, OSError) and error.errno in WRITE_ERRNOS:
        return await _not_writable(request, error)
    return await _internal(request, error)


async def _invalid(request: Request, error: Exception) -> Response:
    issues = error.issues if isinstance(error, InvalidInput) else []
    return render(
        request,
        "errors/error.html",
        status_code=400,
        kind="invalid",
        status=400,
        detail=None,
        issues=issues,
    )


async def _user_error(request: Request, error: Exception) -> Response:
    return _page(request, 400, "bad_request", detail=str(error))


async def _http(request: Request, error: Exception) -> Response:
    if request.url.path.startswith(API_PREFIX):
        # an address under the API that none of its routes takes (a newline in a record id
        # does not even reach the API's mount): a problem document, as the API promises
        return await problems.handle(request, error)
    status = error.status_code if isinstance(error, HTTPException) else 500
    kind = {404: "not_found", 405: "bad_request"}.get(status, "bad_request")
    return _page(request, status, kind)


async def _internal(request: Request, error: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path, exc_info=error)
    request.state.account = None
    return _page(request, 500, "internal")


def install(app: FastAPI) -> None:
    handlers = [
        (SignInRequired, _sign_in),
        (PermissionDenied, _denied),
        (CsrfRejected, _csrf),
        (NotFound, _not_found),
        (TooManyAttempts, _too_many),
        (DatabaseBusy, _busy),
        (DatabaseUnavailable, _unavailable),
        (DatabaseNotInitialised, _unavailable),
        (DatabaseNotWritable, _not_writable),
        (OSError, _os_error),
        (InvalidInput, _invalid),
        (ProduktlyftError, _user_error),
        (HTTPException, _http),
        (Exception, _internal),
    ]
    for error_type, handler in handlers:
        app.add_exception_handler(error_type, handler)
