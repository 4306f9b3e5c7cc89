"""Errors of the JSON API as RFC 9457 problem details: `application/problem+json`, never HTML."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException

from produktlyft.kernel.db import (
    DatabaseBusy,
    DatabaseNotInitialised,
    DatabaseNotWritable,
    DatabaseUnavailable,
)
from produktlyft.kernel.errors import (
    WRITE_ERRNOS,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ProduktlyftError,
    TooManyAttempts,
)

log = logging.getLogger("produktlyft.api")
MEDIA_TYPE = "application/problem+json"

# What each status means, as the OpenAPI document says it (every one is a problem document).
STATUS_MEANINGS = {
    400: "The request cannot be carried out as it stands.",
    401: "No API token, or one that is unknown or revoked.",
    403: "The token's role does not allow this.",
    404: "No such record.",
    409: "The record changed since you read it: both versions are in the problem.",
    422: "The parameters, body or file are not valid: every located issue is listed.",
    503: "The database is unavailable or not initialised.",
}
# Every operation can answer these; the others are added where they can happen.
EVERY_OPERATION = (400, 401, 403, 422, 503)


class Problem(BaseModel):
    """An RFC 9457 problem document, as the OpenAPI document describes it; the handlers
    below write it. Kinds add members of their own (`errors`, `current`, `yours`)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    instance: str
    detail: str | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of an operation: the problems every operation can answer and
    `statuses`, each as `application/problem+json` (the schema is added by `document`)."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "description": STATUS_MEANINGS[status],
            "content": {MEDIA_TYPE: {"schema": schema}},
        }
        for status in sorted({*EVERY_OPERATION, *statuses})
    }


def document(api: FastAPI) -> None:
    """Add the Problem schema that `problem_responses` refers to to the API's OpenAPI document."""
    build = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            schemas = build().setdefault("components", {}).setdefault("schemas", {})
            schemas["Problem"] = Problem.model_json_schema()
        return api.openapi_schema  # type: ignore[return-value]  # set by build()

    api.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend it


class Unauthenticated(ProduktlyftError):
    """No valid API token came with the request."""


def problem(
    request: Request,
    status: int,
    kind: str,
    title: str,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"urn:produktlyft:problem:{kind}",
        "title": title,
        "status": status,
        "instance": request.url.path,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


async def handle(request: Request, error: Exception) -> Response:
    """The problem document for `error`."""
    if isinstance(error, Unauthenticated):
        return problem(
            request,
            401,
            "unauthenticated",
            "Authentication required",
            str(error),
            headers={"WWW-Authenticate": 'Bearer realm="produktlyft"'},
        )
    if isinstance(error, PermissionDenied):
        return problem(request, 403, "forbidden", "Forbidden", str(error))
    if isinstance(error, NotFound):
        return problem(request, 404, "not-found", "Not found", str(error))
    if isinstance(error, Conflict):
        extra = getattr(error, "details", {})
        return problem(request, 409, "conflict", "Edit conflict", str(error), **extra)
    if isinstance(error, InvalidInput):
        issues = [issue.model_dump(exclude_none=True) for issue in error.issues]
        return problem(request, 422, "invalid-input", "Invalid input", error.summary, errors=issues)
    if isinstance(error, TooManyAttempts):
        return problem(
            request,
            429,
            "too-many-requests",
            "Too many requests",
            str(error),
            headers={"Retry-After": str(error.retry_after)},
        )
    if isinstance(error, DatabaseNotWritable) or (
        isinstance(error, OSError) and error.errno in WRITE_ERRNOS
    ):
        log.error("storage problem: %s", error)  # names a server path: logged, not sent
        return problem(
            request,
            503,
            "not-writable",
            "Storage not writable",
            "the server's disk is full or its storage is read-only; nothing was written",
            headers={"Retry-After": "60"},
        )
    if isinstance(error, DatabaseBusy):
        log.warning("database busy: %s", error)
        return problem(
            request,
            503,
            "busy",
            "Database busy",
            "another write held the database; nothing was written, try again in a moment",
            headers={"Retry-After": "5"},
        )
    if isinstance(error, DatabaseUnavailable | DatabaseNotInitialised):
        return problem(request, 503, "unavailable", "Service unavailable", str(error))
    if isinstance(error, ProduktlyftError):
        return problem(request, 400, "bad-request", "Bad request", str(error))
    if isinstance(error, RequestValidationError):
        issues = [
            {"location": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
            for item in error.errors()
        ]
        return problem(
            request,
            422,
            "invalid-input",
            "Invalid input",
            "the request's parameters or body are not valid",
            errors=issues,
        )
    if isinstance(error, HTTPException):
        return problem(request, error.status_code, "http", str(error.detail))
    log.exception("internal error on %s %s", request.method, request.url.path, exc_info=error)
    return problem(
        request,
        500,
        "internal",
        "Internal error",
        "an unexpected error occurred; it has been logged",
    )


def install(api: FastAPI) -> None:
    for error_type in (ProduktlyftError, RequestValidationError, HTTPException, Exception):
        api.add_exception_handler(error_type, handle)
