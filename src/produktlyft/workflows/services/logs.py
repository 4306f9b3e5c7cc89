"""Workflow analysis use cases: import an event log, list, delete, and map activities to
systems. Analysis itself is in `workflow_analysis.py`.

An import parses the file, builds the canonical log (analytics.eventlog.canonical), writes it
as Parquet beside the database and records its metadata, all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import Conflict, InvalidInput, Issue, wording
from produktlyft.kernel.files.safety import UnsafeInput
from produktlyft.workflows.analysis import canonicalise
from produktlyft.workflows.files import EventLogFiles
from produktlyft.workflows.importers.common import ParsedEventLog
from produktlyft.workflows.importers.csv import read_eventlog_csv
from produktlyft.workflows.importers.parquet import read_eventlog_parquet
from produktlyft.workflows.importers.xes import read_eventlog_xes
from produktlyft.workflows.model import (
    ActivitySystem,
    ColumnMapping,
    EventLogInfo,
    Progress,
    no_progress,
)
from produktlyft.workflows.repository import WorkflowRepository

FORMATS = ("xes", "csv", "parquet")


@dataclass(frozen=True)
class ImportOptions:
    name: str | None = None
    mapping: ColumnMapping = field(default_factory=ColumnMapping)
    skip_bad_rows: bool = False
    format: str | None = None  # xes, csv or parquet; None: tell from the file


def event_log_files(ctx: ServiceContext) -> EventLogFiles:
    return EventLogFiles(ctx.settings.resolved_data_dir())


def detect_eventlog_format(path: Path) -> str:
    name = path.name.lower()
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == b"PAR1" or name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".xes", ".xes.gz")) or head.startswith(b"\x1f\x8b") or head.startswith(b"<"):
        return "xes"
    if name.endswith((".csv", ".txt", ".tsv")):
        return "csv"
    raise InvalidInput(
        [
            Issue.worded(
                wording("cannot tell the format; expected .xes, .xes.gz, .csv or .parquet"),
                file=path.name,
            )
        ],
        wording("unknown file format"),
    )


def default_name(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".xes", ".csv", ".parquet", ".tsv", ".txt"):
        name = name.removesuffix(suffix)
    return name or "eventlog"


def _parse(path: Path, fmt: str, options: ImportOptions) -> ParsedEventLog:
    readers = {"xes": read_eventlog_xes, "csv": read_eventlog_csv, "parquet": read_eventlog_parquet}
    try:
        return readers[fmt](path, options.mapping, skip_bad_rows=options.skip_bad_rows)
    except UnsafeInput as error:
        raise InvalidInput(
            [error.issue], wording("the file was refused; nothing was imported")
        ) from error


def _check_file(ctx: ServiceContext, path: Path) -> None:
    if not path.is_file():
        raise InvalidInput(
            [Issue.worded(wording("no such file"), file=str(path))], wording("nothing to import")
        )
    size = path.stat().st_size
    if size > ctx.settings.max_eventlog_bytes:
        raise InvalidInput(
            [
                Issue.worded(
                    wording(
                        "the file is {size} bytes, over the limit of {limit}; raise "
                        "PRODUKTLYFT_MAX_EVENTLOG_BYTES",
                        size=f"{size:,}",
                        limit=f"{ctx.settings.max_eventlog_bytes:,}",
                    ),
                    file=path.name,
                )
            ],
            wording("the file is too large"),
        )


def import_event_log(
    ctx: ServiceContext,
    path: Path,
    options: ImportOptions | None = None,
    progress: Progress = no_progress,
) -> EventLogInfo:
    """Parse, canonicalise and store an event log; return what was recorded about it."""
    ctx.actor.require(Permission.IMPORT)
    options = options or ImportOptions()
    ctx.database.require_current()
    _check_file(ctx, path)
    name = (options.name or default_name(path)).strip()
    with ctx.database.reading() as uow:
        if uow.repo(WorkflowRepository).exists(name):
            raise Conflict(
                f"an event log named '{name}' already exists; choose another name with --name"
            )
    fmt = options.format or detect_eventlog_format(path)
    progress("reading the file", 0.0)
    parsed = _parse(path, fmt, options)
    progress("ordering events and numbering variants", 0.4)
    log = canonicalise(parsed.frame)
    if log.n_events == 0:
        raise InvalidInput(
            [
                Issue.worded(
                    wording("no event has a case id, an activity and a timestamp"), file=path.name
                )
            ],
            wording("the log has no usable events"),
        )
    progress("writing the stored log", 0.7)
    files = event_log_files(ctx)
    stored_file = files.new_name(name)
    first, last = log.time_range()
    info = EventLogInfo(
        name=name,
        source_file=path.name,
        source_format=fmt,
        stored_file=stored_file,
        events=log.n_events,
        cases=log.n_cases,
        activities=log.activities,
        first_event=first,
        last_event=last,
        column_mapping=parsed.mapping,
        timezone=options.mapping.timezone,
        timestamp_note=parsed.timestamps.describe(),
        dropped=log.dropped.as_dict(),
        bad_rows={"total": parsed.bad_rows, "examples": [str(i) for i in parsed.bad_examples]},
        sorted_on_import=log.sorted_on_import,
        imported_at=ctx.now(),
        imported_by=ctx.actor.name,
        size_bytes=0,
    )
    temporary = files.write_temporary(log.events, log.cases)
    final: Path | None = None
    try:
        info = info.model_copy(update={"size_bytes": files.size(temporary)})
        with ctx.database.unit_of_work() as uow:
            uow.repo(WorkflowRepository).add(info)
            final = files.put_in_place(temporary, stored_file)
    except BaseException:
        files.discard(temporary)
        files.discard(final)
        raise
    progress("stored", 1.0)
    return info


def list_event_logs(ctx: ServiceContext) -> list[EventLogInfo]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(WorkflowRepository).all()


def get_event_log(ctx: ServiceContext, name: str) -> EventLogInfo:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(WorkflowRepository).get(name)


def delete_event_log(ctx: ServiceContext, name: str) -> EventLogInfo:
    """Remove the record, then the file (a file left by a crash in between is harmless)."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        info = uow.repo(WorkflowRepository).delete(name)
    event_log_files(ctx).discard(event_log_files(ctx).path(info.stored_file))
    return info


def map_activity(
    ctx: ServiceContext, activity: str, system_id: str, *, remove: bool = False
) -> list[ActivitySystem]:
    """Record (or with `remove`, forget) that a system supports an activity; return the map."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    with ctx.database.unit_of_work() as uow:
        if remove:
            uow.repo(WorkflowRepository).unmap_activity(activity, system_id)
        else:
            uow.repo(WorkflowRepository).map_activity(activity, system_id)
        return uow.repo(WorkflowRepository).activity_systems()


def activity_systems(ctx: ServiceContext) -> dict[str, list[str]]:
    """activity -> ids of the systems supporting it."""
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        mapping: dict[str, list[str]] = {}
        for link in uow.repo(WorkflowRepository).activity_systems():
            mapping.setdefault(link.activity, []).append(link.system_id)
        return mapping


def system_names(ctx: ServiceContext, ids: Iterable[str]) -> dict[str, str]:
    """System id -> name, for the systems of `ids` the inventory holds (pages name the systems
    behind a finding and fall back to the id for one no longer there)."""
    ctx.actor.require(Permission.READ)
    wanted = set(ids)
    if not wanted:
        return {}
    with ctx.database.reading() as uow:
        return {s.id: s.name for s in uow.repo(InventoryRepository).systems(sorted(wanted))}
