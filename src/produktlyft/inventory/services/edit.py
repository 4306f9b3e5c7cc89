"""Editing single records through forms or the API, with optimistic locking.

Fields come from the import template's declaration (`domain/template.py`), so a form shows the
same fields, labels and value rules as the spreadsheet. Input is checked field by field; the
record is saved only if nobody else saved it since the editor opened it (its `row_version`),
otherwise `EditConflict` carries both versions so the second editor can choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from pydantic import ValidationError

from produktlyft.inventory.cells import convert_cell
from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Action, Change, diff
from produktlyft.inventory.model import ENTITY_TYPES, Capability, Provenance, Record
from produktlyft.inventory.references import find_cycles
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.inventory.template import LIST_SEPARATOR, SHEETS_BY_KEY, Column
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import Conflict, InvalidInput, Issue
from produktlyft.kernel.labels import LabelledEnum

EDITABLE = ("systems", "capabilities", "integrations", "contracts")
# Fields holding ids of other records, and the entity they point at.
REFERENCES = {
    "owning_unit_id": "units",
    "source_id": "systems",
    "target_id": "systems",
    "system_ids": "systems",
    "technology_ids": "technologies",
}
LONG_TEXT = frozenset({"description", "scope", "extension_options"})


@dataclass(frozen=True)
class FormField:
    column: Column
    kind: str  # text, textarea, number, integer, date, choice, yesno, reference, list
    reference: str | None = None

    @property
    def name(self) -> str:
        return self.column.field

    @property
    def choices(self) -> list[LabelledEnum]:
        kind = self.column.type
        return list(kind) if isinstance(kind, type) and issubclass(kind, LabelledEnum) else []


def _kind(column: Column, entity: str) -> tuple[str, str | None]:
    reference = REFERENCES.get(column.field)
    if column.field == "parent_id":
        reference = entity
    if column.is_list:
        return "list", reference
    if reference:
        return "reference", reference
    kind = column.type
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return "choice", None
    simple = {int: "integer", float: "number", date: "date", bool: "yesno"}
    if kind in simple:
        return simple[kind], None
    return ("textarea" if column.field in LONG_TEXT else "text"), None


def form_fields(entity: str) -> list[FormField]:
    """The editable fields of an entity, in template order; the id is not editable."""
    if entity not in EDITABLE:
        raise InvalidInput([Issue(message=f"{entity} cannot be edited here")])
    fields = []
    for column in SHEETS_BY_KEY[entity].columns:
        if column.field == "id":
            continue
        kind, reference = _kind(column, entity)
        fields.append(FormField(column, kind, reference))
    return fields


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field: a code the entry point words in the reader's language."""

    field: str
    code: str  # required, integer, number, date, yesno, choice, reference, negative, invalid
    value: str = ""
    detail: str = ""


class FormInvalid(InvalidInput):
    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = {problem.field: problem for problem in problems}
        super().__init__([Issue(message=p.detail or p.code, column=p.field) for p in problems])


class EditConflict(Conflict):
    """The record was saved by someone else since `expected_version` was read."""

    def __init__(self, mine: Record, theirs: Record) -> None:
        self.mine = mine
        self.theirs = theirs
        changed_by = theirs.provenance.changed_by if theirs.provenance else None
        super().__init__(
            f"'{theirs.id}' was changed by {changed_by or 'someone else'} since "
            "you opened it; nothing was saved"
        )
        self.details = {
            "yours": mine.model_dump(mode="json"),
            "current": theirs.model_dump(mode="json"),
        }


def form_values(record: Record, entity: str) -> dict[str, str]:
    """A record's editable values as the strings a form shows."""
    values = {}
    for field in form_fields(entity):
        value = _get(record, field.name)
        if value is None:
            values[field.name] = ""
        elif isinstance(value, list):
            values[field.name] = f"{LIST_SEPARATOR} ".join(str(item) for item in value)
        elif isinstance(value, bool):
            values[field.name] = "yes" if value else "no"
        elif isinstance(value, float) and value.is_integer():
            values[field.name] = str(int(value))
        elif isinstance(value, date):
            values[field.name] = value.isoformat()
        else:
            values[field.name] = str(value)
    return values


def _get(record: Record, dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


_CODES = {int: "integer", float: "number", date: "date", bool: "yesno"}


def parse_input(entity: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Typed values of the fields present in `data`, and what is wrong with the rest."""
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for field in form_fields(entity):
        if field.name not in data:
            continue
        raw = data[field.name]
        if isinstance(raw, list):
            raw = LIST_SEPARATOR.join(str(item) for item in raw)
        if field.column.required and (raw is None or str(raw).strip() == ""):
            problems.append(FieldProblem(field.name, "required"))
            continue
        try:
            values[field.name] = convert_cell(field.column, raw)
        except ValueError as error:
            code = "choice" if field.kind == "choice" else _CODES.get(field.column.type, "invalid")
            problems.append(FieldProblem(field.name, code, str(raw), str(error)))
    return values, problems


def _apply(record: Record, values: dict[str, Any]) -> dict[str, Any]:
    data = record.model_dump(mode="python")
    for name, value in values.items():
        if "." in name:
            group, part = name.split(".", 1)
            data[group][part] = value
        else:
            data[name] = value
    return data


def _validate(entity: str, data: dict[str, Any]) -> tuple[Record | None, list[FieldProblem]]:
    try:
        return ENTITY_TYPES[entity].model_validate(data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            location = ".".join(str(part) for part in item["loc"] if not isinstance(part, int))
            code = (
                "negative"
                if item["type"] == "greater_than_equal"
                else ("required" if item["type"] in ("string_too_short", "missing") else "invalid")
            )
            problems.append(FieldProblem(location, code, detail=item["msg"]))
        return None, problems


def _reference_problems(
    uow: UnitOfWork, entity: str, edited: Record | None, values: dict[str, Any]
) -> list[FieldProblem]:
    problems = []
    for field in form_fields(entity):
        if field.reference is None or not values.get(field.name):
            continue
        wanted = values[field.name]
        ids = wanted if isinstance(wanted, list) else [wanted]
        missing = sorted(set(ids) - uow.repo(InventoryRepository).ids_among(field.reference, ids))
        if missing:
            problems.append(FieldProblem(field.name, "reference", ", ".join(missing)))
    if entity == "capabilities" and values.get("parent_id") and edited is not None:
        merged = {c.id: c for c in uow.repo(InventoryRepository).load("capabilities")}
        merged[edited.id] = edited
        if edited.id in set(find_cycles(cast(list[Capability], list(merged.values())))):
            problems.append(FieldProblem("parent_id", "cycle", values["parent_id"]))
    return problems


def open_for_edit(ctx: ServiceContext, entity: str, record_id: str) -> Record:
    """The record as it is now, to fill a form; its row_version is the one to send back."""
    ctx.actor.require(Permission.EDIT)
    form_fields(entity)
    with ctx.database.reading() as uow:
        return uow.repo(InventoryRepository).get(entity, record_id)


def save_edit(
    ctx: ServiceContext,
    entity: str,
    record_id: str,
    data: Mapping[str, Any],
    expected_version: int,
    source: str = "web",
) -> Record:
    """Check and save an edit of one record; raise FormInvalid or EditConflict."""
    ctx.actor.require(Permission.EDIT)
    values, problems = parse_input(entity, data)
    with ctx.database.unit_of_work() as uow:
        current = uow.repo(InventoryRepository).get(entity, record_id)
        edited, invalid = _validate(entity, _apply(current, values))
        seen = {problem.field for problem in problems}
        problems += [problem for problem in invalid if problem.field not in seen]
        problems += _reference_problems(uow, entity, edited, values)
        if problems or edited is None:
            raise FormInvalid(problems)
        if current.row_version != expected_version:
            raise EditConflict(mine=edited, theirs=current)
        if edited.same_content(current):
            return current
        now = ctx.now()
        old = current.provenance or Provenance()
        stamped = edited.model_copy(
            update={
                "provenance": old.model_copy(
                    update={"changed_by": ctx.actor.name, "changed_at": now}
                )
            }
        )
        try:
            saved = uow.repo(InventoryRepository).update_checked(entity, stamped, expected_version)
        except Conflict:
            raise EditConflict(
                mine=edited, theirs=uow.repo(InventoryRepository).get(entity, record_id)
            ) from None
        uow.repo(ChangeLogRepository).append(
            [
                Change(
                    at=now,
                    actor=ctx.actor.name,
                    entity=entity,
                    entity_id=record_id,
                    action=Action.UPDATE,
                    source=source,
                    changes=diff(current, stamped),
                )
            ]
        )
    return saved
