"""The JSON API, version 1: the same services as the pages, for machine clients with tokens.

Authentication is `Authorization: Bearer <token>` (tokens from `produktlyft token create`).
Errors are RFC 9457 problem documents. The OpenAPI document is at /api/v1/openapi.json, its
reading (Swagger UI, shipped with the package) at /api/v1/docs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import Body, Depends, FastAPI, File, Query, Request, Security, UploadFile
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from produktlyft.inventory.changes import Change
from produktlyft.inventory.model import System
from produktlyft.inventory.queries import (
    MAX_PAGE,
    ContractRow,
    IntegrationQuery,
    IntegrationRow,
    MissingFact,
    Page,
    SystemQuery,
    SystemRow,
    SystemSort,
)
from produktlyft.inventory.services.browse import (
    AUDIT_ENTITIES,
    audit_log,
    capability_map,
    contracts_by_end_date,
    find_systems,
    get_record,
    history_permission,
    record_history,
)
from produktlyft.inventory.services.edit import EDITABLE, save_edit
from produktlyft.inventory.services.imports import import_files
from produktlyft.inventory.services.summary import summarise_inventory
from produktlyft.inventory.vocabularies import Criticality, Hosting, IntegrationKind, Lifecycle
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.web.api_docs import add_docs_route
from produktlyft.kernel.web.deps import WebState
from produktlyft.kernel.web.problems import Unauthenticated, document, install
from produktlyft.kernel.web.problems import problem_responses as problems
from produktlyft.kernel.web.security import declared_permission, needs

# Declared as a security scheme, so the OpenAPI document says how to authenticate; errors
# are ours (problem documents), not FastAPI's.
BEARER = HTTPBearer(
    scheme_name="token",
    description="An API token from `produktlyft token create` or the admin page.",
    auto_error=False,
)


def _context(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Security(BEARER)
) -> ServiceContext:
    state: WebState = request.app.state.web
    secret = credentials.credentials.strip() if credentials is not None else ""
    if not secret:
        raise Unauthenticated("send an API token as 'Authorization: Bearer <token>'")
    actor = state.sign_in.actor_for_token(state.database, secret)
    if actor is None:
        raise Unauthenticated("the API token is unknown or revoked")
    endpoint = request.scope.get("endpoint")
    permission = declared_permission(endpoint) if endpoint is not None else None
    if permission is not None:  # mirrors the services' check, before the body is read
        actor.require(permission)
    return ServiceContext(state.database, actor, state.settings, state.caches)


Ctx = Depends(_context)


def create_api(state: WebState) -> FastAPI:
    api = FastAPI(
        title="produktlyft API",
        version="1",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="The inventory of an organisation's IT landscape. Authenticate with "
        "`Authorization: Bearer <token>`; errors are RFC 9457 problem documents.",
    )
    api.state.web = state
    install(api)
    document(api)
    _routes(api)
    add_docs_route(api)
    for route in api.routes:
        if isinstance(route, APIRoute):
            declared_permission(route.endpoint)
    return api


def _routes(api: FastAPI) -> None:
    @api.get("/systems", response_model=Page[SystemRow], tags=["systems"], responses=problems())
    @needs(Permission.READ)
    def list_systems(
        ctx: ServiceContext = Ctx,
        limit: int = Query(50, ge=1, le=500, description="Systems per page."),
        page: int = Query(1, ge=1, le=MAX_PAGE),
        q: str | None = Query(None, max_length=200, description="Search text."),
        unit: str | None = None,
        capability: str | None = None,
        criticality: Criticality | None = None,
        lifecycle: Lifecycle | None = None,
        hosting: Hosting | None = None,
        missing: MissingFact | None = None,
        sort: SystemSort = SystemSort.NAME,
        descending: bool = False,
    ) -> Page[SystemRow]:
        """Systems, filtered, sorted and paged in the database."""
        return find_systems(
            ctx,
            SystemQuery(
                text=q,
                unit_id=unit,
                capability_id=capability,
                criticality=criticality,
                lifecycle=lifecycle,
                hosting=hosting,
                missing=missing,
                sort=sort,
                descending=descending,
                page=page,
                per_page=limit,
            ),
        )

    @api.get(
        "/systems/{system_id:path}",
        response_model=System,
        tags=["systems"],
        responses=problems(404),
    )
    @needs(Permission.READ)
    def get_system(system_id: str, ctx: ServiceContext = Ctx) -> Any:
        """One system with every field; `row_version` is the version to send back on PATCH."""
        return get_record(ctx, "systems", system_id)

    for entity in EDITABLE:
        _edit_route(api, entity)

    for entity in AUDIT_ENTITIES:  # before the general route, so they match first
        _audit_history_route(api, entity)

    @api.get(
        "/history/{entity}/{record_id:path}",
        response_model=list[Change],
        tags=["inventory"],
        responses=problems(404),
    )
    @needs(Permission.READ)
    def history(entity: str, record_id: str, ctx: ServiceContext = Ctx) -> list[Change]:
        """The change history of one inventory record, newest first (other entities' history
        is the audit log's, for administrators)."""
        ctx.actor.require(history_permission(entity))  # mirrors the service's check
        return record_history(ctx, entity, record_id)

    @api.get("/capabilities", tags=["capabilities"], responses=problems())
    @needs(Permission.READ)
    def capabilities(ctx: ServiceContext = Ctx) -> Any:
        """The capability hierarchy, with the number of systems under each."""
        return [node.model_dump() for node in capability_map(ctx)]

    @api.get(
        "/integrations",
        response_model=Page[IntegrationRow],
        tags=["integrations"],
        responses=problems(),
    )
    @needs(Permission.READ)
    def integrations(
        ctx: ServiceContext = Ctx,
        system: str | None = None,
        kind: IntegrationKind | None = None,
        limit: int = Query(50, ge=1, le=1000),
        page: int = Query(1, ge=1, le=MAX_PAGE),
    ) -> Page[IntegrationRow]:
        from produktlyft.inventory.services.browse import find_integrations

        return find_integrations(
            ctx, IntegrationQuery(system_id=system, kind=kind, page=page, per_page=limit)
        )

    @api.get(
        "/contracts",
        response_model=Page[ContractRow],
        tags=["contracts"],
        responses=problems(),
    )
    @needs(Permission.READ)
    def contracts(
        ctx: ServiceContext = Ctx,
        limit: int = Query(50, ge=1, le=1000),
        page: int = Query(1, ge=1, le=MAX_PAGE),
    ) -> Page[ContractRow]:
        """Contracts ordered by end date, soonest first (those without one last)."""
        return contracts_by_end_date(ctx, page, limit)

    @api.get("/summary", tags=["inventory"], responses=problems())
    @needs(Permission.READ)
    def summary(ctx: ServiceContext = Ctx) -> dict[str, Any]:
        """Counts, annual cost and data quality (what is missing, never hidden)."""
        result = summarise_inventory(ctx)
        quality = result.quality
        return {
            "counts": result.counts,
            "annual_cost": result.annual_cost,
            "data_quality": {
                "systems": quality.systems,
                "complete": quality.complete,
                "completeness": quality.completeness,
                "missing": dict(quality.missing),
                "examples": quality.examples,
            },
        }

    @api.post("/imports", tags=["inventory"], responses=problems())
    @needs(Permission.IMPORT)
    async def import_file(
        ctx: ServiceContext = Ctx,
        file: UploadFile = File(...),
        dry_run: bool = Query(True, description="Validate only."),
    ) -> Any:
        """Import one file (any supported format). With dry_run (the default) nothing is
        written; errors come back as a 422 problem listing every located issue."""
        ctx.actor.require(Permission.IMPORT)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(file.filename or "upload").name
            path.write_bytes(await file.read(ctx.settings.max_import_bytes + 1))
            report = import_files(ctx, [path], dry_run=dry_run)
        return {
            "dry_run": report.dry_run,
            "sources": report.sources,
            "counts": {entity: vars(counts) for entity, counts in report.counts.items()},
            "warnings": [issue.model_dump(exclude_none=True) for issue in report.warnings],
        }

    @api.get("/changes", response_model=list[Change], tags=["audit"], responses=problems())
    @needs(Permission.ADMINISTER)
    def changes(
        ctx: ServiceContext = Ctx,
        limit: int = Query(200, ge=1, le=5000),
    ) -> list[Change]:
        """The audit log: every change and sign-in, newest first."""
        return audit_log(ctx, limit)


def _edit_route(api: FastAPI, entity: str) -> None:
    @api.patch(
        f"/{entity}/{{record_id:path}}",
        tags=["editing"],
        name=f"edit_{entity}",
        responses=problems(404, 409),
    )
    @needs(Permission.EDIT)
    def edit_record(
        record_id: str,
        ctx: ServiceContext = Ctx,
        row_version: int = Query(..., description="The version you read."),
        changes: dict[str, Any] = Body(..., examples=[{"system_owner": "Ann"}]),
    ) -> Any:
        """Change fields of one record, named as in the import template. A stale
        `row_version` gives 409 with both versions; invalid fields give 422."""
        return save_edit(ctx, entity, record_id, changes, row_version, source="api")


def _audit_history_route(api: FastAPI, entity: str) -> None:
    @api.get(
        f"/history/{entity}/{{record_id:path}}",
        response_model=list[Change],
        tags=["audit"],
        name=f"history_{entity}",
        responses=problems(404),
    )
    @needs(Permission.ADMINISTER)
    def audit_history(record_id: str, ctx: ServiceContext = Ctx) -> list[Change]:
        """The audit history of one account, sign-in name or API token, newest first; for
        administrators."""
        return record_history(ctx, entity, record_id)
