"""Edit forms for systems, capabilities, integrations and contracts, at /edit/<entity>/<id>.

Checks happen in the service; problems are shown next to their fields. If someone else saved
the record meanwhile, the conflict page shows both versions and lets the editor choose.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from produktlyft.inventory.model import Record
from produktlyft.inventory.services.browse import filter_options
from produktlyft.inventory.services.edit import (
    EDITABLE,
    EditConflict,
    FieldProblem,
    FormInvalid,
    form_fields,
    form_values,
    open_for_edit,
    save_edit,
)
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.i18n import N_
from produktlyft.kernel.web.deps import PageContext, render, service_context
from produktlyft.kernel.web.security import needs, page_router

router = page_router()
nav = ()
TITLES = {
    "systems": N_("Edit system"),
    "capabilities": N_("Edit capability"),
    "integrations": N_("Edit integration"),
    "contracts": N_("Edit contract"),
}
PROBLEMS = {
    "required": N_("Fill in this field."),
    "integer": N_("Write a whole number, such as 1200."),
    "number": N_("Write a number, such as 1 200 000 or 1200000,50."),
    "date": N_("Write a date as YYYY-MM-DD, such as 2026-03-31."),
    "yesno": N_("Choose yes or no."),
    "choice": N_("Choose one of the listed values."),
    "reference": N_("There is no record with the id %(value)s."),
    "negative": N_("The value cannot be negative."),
    "cycle": N_("This parent would make the hierarchy loop back to itself."),
    "invalid": N_("The value is not valid."),
}


def view_path(entity: str, record_id: str) -> str:
    """Where a record is shown after saving."""
    return {
        "systems": f"/systems/{record_id}",
        "capabilities": "/capabilities",
        "integrations": "/integrations",
        "contracts": "/contracts",
    }[entity]


def _form(
    request: Request,
    entity: str,
    record: Record,
    values: dict[str, str],
    problems: dict[str, FieldProblem],
    status: int = 200,
    version: int | None = None,
) -> Response:
    ctx = service_context(request)
    options = filter_options(ctx)
    choices = {"units": options.units, "capabilities": options.capabilities}
    return render(
        request,
        "edit/form.html",
        status_code=status,
        entity=entity,
        record=record,
        fields=form_fields(entity),
        values=values,
        problems=problems,
        problem_texts=PROBLEMS,
        title=TITLES[entity],
        choices=choices,
        version=version if version is not None else record.row_version,
        cancel=view_path(entity, record.id),
    )


def _register(entity: str) -> None:
    path = f"/edit/{entity}/{{record_id:path}}"

    @router.get(path, name=f"edit_{entity}")
    @needs(Permission.EDIT)
    def show(request: Request, record_id: str, ctx: ServiceContext = PageContext) -> Response:
        record = open_for_edit(ctx, entity, record_id)
        return _form(request, entity, record, form_values(record, entity), {})

    @router.post(path, name=f"save_{entity}")
    @needs(Permission.EDIT)
    async def save(request: Request, record_id: str, ctx: ServiceContext = PageContext) -> Response:
        form = await request.form()
        data = {
            key: str(value)
            for key, value in form.items()
            if key not in ("csrf_token", "row_version")
        }
        version_text = str(form.get("row_version", ""))
        version = int(version_text) if version_text.isdigit() else -1
        try:
            save_edit(ctx, entity, record_id, data, version)
        except FormInvalid as invalid:
            record = open_for_edit(ctx, entity, record_id)
            return _form(
                request, entity, record, data, invalid.problems, status=422, version=version
            )
        except EditConflict as conflict:
            return render(
                request,
                "edit/conflict.html",
                status_code=409,
                entity=entity,
                conflict=conflict,
                fields=form_fields(entity),
                mine=form_values(conflict.mine, entity),
                theirs=form_values(conflict.theirs, entity),
                title=TITLES[entity],
                cancel=view_path(entity, record_id),
            )
        return RedirectResponse(view_path(entity, record_id) + "?saved=1", status_code=303)


for _entity in EDITABLE:
    _register(_entity)
