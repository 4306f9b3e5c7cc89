"""What the event-log importers share: the column mapping, bad-row handling and the result.

Every importer turns its file into a polars frame of source columns; `finish` then maps them
onto the canonical names, converts timestamps to UTC (see analytics.eventlog.timestamps) and
sets aside rows that cannot be parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import polars as pl

from produktlyft.kernel.errors import InvalidInput, Issue, Wording, wording
from produktlyft.workflows.analysis import columns as C
from produktlyft.workflows.analysis.timestamps import TimestampReport, to_utc
from produktlyft.workflows.model import ColumnMapping

EXAMPLES = 10

# Column names recognised without a mapping, compared case-insensitively: XES standard
# attributes, common exports, and Swedish headers.
CANDIDATES: dict[str, tuple[str, ...]] = {
    C.CASE: (
        "case:concept:name",
        "case_id",
        "case id",
        "caseid",
        "case",
        "ärende",
        "ärendenummer",
        "ärende-id",
        "diarienummer",
    ),
    C.ACTIVITY: ("concept:name", "activity", "activity name", "aktivitet", "händelse"),
    C.TIMESTAMP: ("time:timestamp", "timestamp", "time", "tidpunkt", "tid", "datum"),
    C.RESOURCE: ("org:resource", "resource", "handläggare", "resurs", "user"),
    C.UNIT: ("org:group", "unit", "group", "enhet", "organisational unit", "department"),
    C.LIFECYCLE: ("lifecycle:transition", "lifecycle", "transition"),
    C.COST: ("cost:total", "cost", "kostnad"),
}


def _given(mapping: ColumnMapping) -> dict[str, str]:
    """The canonical fields the user named a column for."""
    chosen = {
        C.CASE: mapping.case,
        C.ACTIVITY: mapping.activity,
        C.TIMESTAMP: mapping.timestamp,
        C.RESOURCE: mapping.resource,
        C.UNIT: mapping.unit,
        C.LIFECYCLE: mapping.lifecycle,
        C.COST: mapping.cost,
    }
    return {field: column for field, column in chosen.items() if column}


@dataclass
class ParsedEventLog:
    """A parsed log in canonical column names, before canonical ordering."""

    source: str
    format: str
    frame: pl.DataFrame
    mapping: dict[str, str]  # canonical field -> source column
    timestamps: TimestampReport
    bad_rows: int = 0
    bad_examples: list[Issue] = field(default_factory=list)


def resolve_mapping(columns: list[str], mapping: ColumnMapping, file: str) -> dict[str, str]:
    resolved = _given(mapping)
    issues = [
        Issue.worded(
            wording("no such column; the file has: {columns}", columns=", ".join(columns)),
            file=file,
            column=column,
        )
        for column in resolved.values()
        if column not in columns
    ]
    lower = {column.lower().strip(): column for column in columns}
    for name, candidates in CANDIDATES.items():
        if name in resolved:
            continue
        found = next((lower[c] for c in candidates if c in lower), None)
        if found is not None and found not in resolved.values():
            resolved[name] = found
    for name in C.REQUIRED:
        if name not in resolved:
            option = {"case_id": "--case", "activity": "--activity", "timestamp": "--timestamp"}[
                name
            ]
            issues.append(
                Issue.worded(
                    wording(
                        "which column holds the {name}? Name it with {option} COLUMN; the file "
                        "has: {columns}",
                        name=name,
                        option=option,
                        columns=", ".join(columns),
                    ),
                    file=file,
                )
            )
    if issues:
        raise InvalidInput(
            issues, wording("the column mapping is incomplete; nothing was imported")
        )
    return resolved


# Text fields with few distinct values, read as categorical (integer codes and one copy of
# each distinct text) rather than one string per event: far less memory, and the activity
# codes come almost for free.
CATEGORICAL = (C.ACTIVITY, C.RESOURCE, C.UNIT, C.LIFECYCLE)


@dataclass(frozen=True)
class CutShort:
    """The file's last row has fewer fields than the header (a file cut short mid-row): it is
    a bad row, located at the first column it lacks."""

    column: str
    fields: int
    header_fields: int

    def problem(self, height: int) -> tuple[pl.Series, pl.Series, str, Wording]:
        mask = pl.int_range(height, eager=True) == height - 1
        return (
            mask,
            mask,
            self.column,
            wording(
                "the line ends after {fields} of the header's {count} fields, before this "
                "column: the file may be cut short",
                fields=self.fields,
                count=self.header_fields,
            ),
        )


def _row_label(index: int, first_row: int, unit: str) -> dict[str, int]:
    return {"line" if unit == "line" else "row": index + first_row}


def finish(
    raw: pl.DataFrame,
    mapping: ColumnMapping,
    *,
    file: str,
    fmt: str,
    skip_bad_rows: bool,
    first_row: int = 1,
    row_unit: str = "row",
    cut_short: CutShort | None = None,
) -> ParsedEventLog:
    """Map, convert and check the parsed frame. Raise InvalidInput on bad rows unless the
    caller asked to skip them; the rows skipped are counted and shown either way."""
    resolved = resolve_mapping(raw.columns, mapping, file)
    taken = set(resolved.values())
    stamps, bad, report = to_utc(
        raw[resolved[C.TIMESTAMP]], timezone=mapping.timezone, fmt=mapping.timestamp_format
    )
    problems = [(bad, resolved[C.TIMESTAMP], not_a_timestamp(mapping.timezone))]
    selected = [pl.Series(C.TIMESTAMP, stamps)]
    for name, source in resolved.items():
        if name == C.TIMESTAMP:
            continue
        column = raw[source]
        if name == C.COST:
            number = column.cast(pl.Float64, strict=False)
            problems.append((column.is_not_null() & number.is_null(), source, NOT_A_NUMBER))
            selected.append(number.alias(name))
        elif isinstance(column.dtype, pl.Categorical | pl.Enum):
            selected.append(column.alias(name))
        else:
            selected.append(column.cast(pl.String).alias(name))
    extras = [raw[c] for c in raw.columns if c not in taken and c not in resolved]
    frame = pl.DataFrame(selected + extras)
    located = [(mask, raw[source], source, message) for mask, source, message in problems]
    if cut_short is not None and raw.height:
        located.insert(0, cut_short.problem(raw.height))
    kept, bad_count, examples = settle_bad_rows(
        frame,
        located,
        file=file,
        skip_bad_rows=skip_bad_rows,
        first_row=first_row,
        row_unit=row_unit,
    )
    return ParsedEventLog(file, fmt, kept, resolved, replace(report), bad_count, examples)


NOT_A_NUMBER = wording("{value} is not a number")


def not_a_timestamp(zone: str) -> Wording:
    return wording("{value} is not a timestamp (or not a valid time in {zone})", zone=zone)


def settle_bad_rows(
    frame: pl.DataFrame,
    problems: list[tuple[pl.Series, pl.Series, str, Wording]],
    *,
    file: str,
    skip_bad_rows: bool,
    first_row: int,
    row_unit: str,
) -> tuple[pl.DataFrame, int, list[Issue]]:
    """Count the rows with a problem (mask, values, column, wording with a {value}) and show
    examples; raise unless the caller asked to skip them, else return the frame without them."""
    bad_mask = problems[0][0]
    for mask, _, _, _ in problems[1:]:
        bad_mask = bad_mask | mask
    bad_count = int(bad_mask.sum())
    examples: list[Issue] = []
    for mask, values, source, message in problems:
        for index in mask.arg_true().head(EXAMPLES).to_list():
            example = Wording(message.template, (("value", repr(values[index])), *message.params))
            examples.append(
                Issue.worded(
                    example, file=file, column=source, **_row_label(index, first_row, row_unit)
                )
            )
    examples = examples[:EXAMPLES]
    if bad_count and not skip_bad_rows:
        count = f"{bad_count:,}"
        raise InvalidInput(
            examples,
            wording(
                "{count} row(s) cannot be parsed (examples below); fix them, or import without "
                "them with --skip-bad-rows",
                count=count,
            ),
        )
    return (frame.filter(~bad_mask) if bad_count else frame), bad_count, examples
