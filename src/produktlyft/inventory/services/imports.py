"""Importing files into the inventory: validate everything, then write all of it or nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.changes import Action, Change, diff
from produktlyft.inventory.importers import ImportLimits, ParsedSource, read_sources
from produktlyft.inventory.model import ENTITY_TYPES, Inventory, Provenance, Record
from produktlyft.inventory.references import find_cycles, find_dangling
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db import UnitOfWork
from produktlyft.kernel.errors import InvalidInput, Issue, Severity, Wording, wording

# Records listed by name per kind of record and per kind of change in a preview; the counts
# say how many there are in all, so a large import reads "and 4 950 more".
PREVIEW_LIMIT = 100


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that an import changes, as stored before and after."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class RecordPreview:
    """A record an import creates, changes (with its changed fields) or no longer has."""

    id: str
    name: str | None
    fields: tuple[FieldChange, ...] = ()


@dataclass
class EntityCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed_from_source: int = 0
    # the first PREVIEW_LIMIT records of each kind of change, in the file's order
    created_records: list[RecordPreview] = field(default_factory=list)
    updated_records: list[RecordPreview] = field(default_factory=list)
    removed_records: list[RecordPreview] = field(default_factory=list)

    @property
    def more_created(self) -> int:
        return self.created - len(self.created_records)

    @property
    def more_updated(self) -> int:
        return self.updated - len(self.updated_records)

    @property
    def more_removed(self) -> int:
        return self.removed_from_source - len(self.removed_records)


def _preview(record: Record, changes: dict[str, list[Any]] | None = None) -> RecordPreview:
    fields = tuple(FieldChange(name, pair[0], pair[1]) for name, pair in (changes or {}).items())
    return RecordPreview(record.id, getattr(record, "name", None), fields)


@dataclass
class ImportReport:
    dry_run: bool
    counts: dict[str, EntityCounts] = field(
        default_factory=lambda: {entity: EntityCounts() for entity in ENTITY_TYPES}
    )
    sources: list[tuple[str, str]] = field(default_factory=list)  # (name, format)
    skipped: dict[str, Counter[str]] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    pruned: bool = False

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())


def _locate(record: Record, message: str | Wording) -> Issue:
    provenance = record.provenance or Provenance()
    return Issue.worded(message, file=provenance.source, location=provenance.location)


def _combine(sources: list[ParsedSource]) -> tuple[Inventory, list[Issue]]:
    """Merge all sources into one batch; an id given by two sources is an error."""
    batch = Inventory()
    issues: list[Issue] = []
    seen: dict[tuple[str, str], str] = {}
    for source in sources:
        for entity in ENTITY_TYPES:
            for record in source.inventory.records(entity):
                key = (entity, record.id)
                if key in seen:
                    issues.append(
                        _locate(
                            record,
                            wording(
                                "the id '{id}' also comes from {other}; each record may come "
                                "from one file",
                                id=record.id,
                                other=seen[key],
                            ),
                        )
                    )
                    continue
                seen[key] = source.name
                batch.records(entity).append(record)
    return batch, issues


def _integrity_issues(batch: Inventory, uow: UnitOfWork) -> list[Issue]:
    issues = [
        _locate(d.record, d.message())
        for d in find_dangling(batch, known=uow.repo(InventoryRepository).all_ids())
    ]
    for entity in ("units", "capabilities"):
        merged = {r.id: r for r in uow.repo(InventoryRepository).load(entity)}
        merged.update({r.id: r for r in batch.records(entity)})
        looping = set(find_cycles(list(merged.values())))  # type: ignore[arg-type]
        issues.extend(
            _locate(record, wording("its parent chain loops back to itself; break the loop"))
            for record in batch.records(entity)
            if record.id in looping
        )
    return issues


def import_files(
    ctx: ServiceContext, paths: list[Path], *, dry_run: bool = False, prune: bool = False
) -> ImportReport:
    """Read, validate and import files in one transaction; raise InvalidInput on any error."""
    ctx.actor.require(Permission.IMPORT)
    limits = ImportLimits(
        ctx.settings.max_import_bytes,
        ctx.settings.max_unpacked_bytes,
        ctx.settings.max_issues_per_file,
    )
    return import_sources(ctx, read_sources(paths, limits), dry_run=dry_run, prune=prune)


def import_sources(
    ctx: ServiceContext,
    sources: list[ParsedSource],
    *,
    dry_run: bool = False,
    prune: bool = False,
) -> ImportReport:
    """Validate already-parsed sources against each other and the database, then write."""
    ctx.actor.require(Permission.IMPORT)
    report = ImportReport(dry_run=dry_run, pruned=prune and not dry_run)
    issues = [issue for source in sources for issue in source.issues]
    for source in sources:
        report.sources.append((source.name, source.format))
        report.skipped[source.name] = source.skipped
    batch, duplicate_issues = _combine(sources)
    issues.extend(duplicate_issues)
    _raise_on_errors(issues, sources)
    supplied = {key: fields for source in sources for key, fields in source.supplied.items()}
    ctx.database.require_current()
    with ctx.database.unit_of_work(rollback_only=dry_run) as uow:
        _raise_on_errors(issues + _integrity_issues(batch, uow), sources)
        changes = _apply(ctx, uow, batch, supplied, sources, report)
        uow.repo(ChangeLogRepository).append(changes)
    report.warnings = [issue for issue in issues if issue.severity is Severity.WARNING]
    return report


def _raise_on_errors(issues: list[Issue], sources: list[ParsedSource]) -> None:
    errors = [issue for issue in issues if issue.severity is Severity.ERROR]
    if errors:
        truncated = [source.name for source in sources if source.truncated]
        summary = f"{len(errors)} error(s) found; nothing was written"
        if truncated:
            summary += f" (listing stopped early for {', '.join(truncated)})"
        raise InvalidInput(issues, summary)


def _merge(existing: Record | None, incoming: Record, fields: frozenset[str] | None) -> Record:
    """Take the fields the source supplied; keep the rest of an existing record as it was."""
    if existing is None or fields is None:
        return incoming
    known = type(incoming).model_fields
    update = {name: getattr(incoming, name) for name in fields if name in known}
    return existing.model_copy(update=update)


def _apply(
    ctx: ServiceContext,
    uow: UnitOfWork,
    batch: Inventory,
    supplied: dict[tuple[str, str], frozenset[str]],
    sources: list[ParsedSource],
    report: ImportReport,
) -> list[Change]:
    now = ctx.now()
    changes: list[Change] = []
    for entity in ENTITY_TYPES:
        incoming = batch.records(entity)
        existing = {
            r.id: r for r in uow.repo(InventoryRepository).load(entity, [r.id for r in incoming])
        }
        created: list[Record] = []
        updated: list[Record] = []
        counts = report.counts[entity]
        for record in incoming:
            before = existing.get(record.id)
            merged = _merge(before, record, supplied.get((entity, record.id)))
            if before is not None and before.same_content(merged):
                counts.unchanged += 1
                continue
            stamped = merged.model_copy(
                update={
                    "provenance": Provenance(
                        source=record.provenance.source if record.provenance else None,
                        location=record.provenance.location if record.provenance else None,
                        imported_at=now,
                        changed_by=ctx.actor.name,
                        changed_at=now,
                    )
                }
            )
            (updated if before else created).append(stamped)
            fields = diff(before, stamped)
            listed = counts.updated_records if before else counts.created_records
            if len(listed) < PREVIEW_LIMIT:
                listed.append(_preview(stamped, fields if before else None))
            changes.append(
                Change(
                    at=now,
                    actor=ctx.actor.name,
                    entity=entity,
                    entity_id=record.id,
                    action=Action.UPDATE if before else Action.CREATE,
                    source=stamped.provenance.source if stamped.provenance else None,
                    changes=fields,
                )
            )
        counts.created, counts.updated = len(created), len(updated)
        uow.repo(InventoryRepository).insert(entity, created)
        uow.repo(InventoryRepository).replace(entity, updated)
        changes.extend(_removed(ctx, uow, entity, incoming, sources, counts, report.pruned))
    return changes


def _removed(
    ctx: ServiceContext,
    uow: UnitOfWork,
    entity: str,
    incoming: list[Record],
    sources: list[ParsedSource],
    counts: EntityCounts,
    prune: bool,
) -> list[Change]:
    """Records an earlier import of the same file brought that this import no longer has."""
    present = {record.id for record in incoming}
    gone: set[str] = set()
    for source in sources:
        gone |= uow.repo(InventoryRepository).ids_from_source(entity, source.name) - present
    counts.removed_from_source = len(gone)
    listed = sorted(gone)[:PREVIEW_LIMIT]
    counts.removed_records = [
        _preview(record)
        for record in sorted(uow.repo(InventoryRepository).load(entity, listed), key=lambda r: r.id)
    ]
    if not prune or not gone:
        return []
    uow.repo(InventoryRepository).delete(entity, sorted(gone))
    now = ctx.now()
    return [
        Change(
            at=now,
            actor=ctx.actor.name,
            entity=entity,
            entity_id=record_id,
            action=Action.DELETE,
            source="prune",
        )
        for record_id in sorted(gone)
    ]
