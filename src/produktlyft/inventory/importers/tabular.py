"""The Excel (.xlsx) and CSV importer for the documented template.

A workbook has one sheet per entity; a CSV source is a folder or zip of one file per entity, or
loose CSV files named after their sheet. Headers may be Swedish or English; unknown columns are
kept as free properties. All problems of a source are collected, up to a cap, before giving up.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pydantic import ValidationError

from produktlyft.inventory.cells import convert_cell
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.model import (
    ENTITY_TYPES,
    CapabilityFit,
    DataUse,
    Provenance,
    Record,
)
from produktlyft.inventory.template import SHEETS, Column, Sheet, find_sheet
from produktlyft.kernel.errors import wording
from produktlyft.kernel.files.base import (
    ImportLimits,
    IssueCollector,
    TooManyIssues,
    error_wording,
    validation_wording,
)
from produktlyft.kernel.files.cells import fold_header, is_blank, restore_formula
from produktlyft.kernel.files.safety import check_zip
from produktlyft.kernel.files.text import UnreadableText, csv_rows, decode_text

Row = tuple[int, list[Any]]


@dataclass
class RawTable:
    """A sheet as read: its title, the sheet it maps to, the header row and numbered rows."""

    title: str
    sheet: Sheet
    headers: list[Any]
    rows: Iterable[Row]
    label: str | None = None  # how issues name the table: a sheet title, or None for one CSV


@dataclass
class _Parsed:
    records: dict[str, list[tuple[Record, frozenset[str]]]] = field(default_factory=dict)
    relations: dict[str, list[tuple[str, dict[str, Any], int, str | None]]] = field(
        default_factory=dict
    )


def read_xlsx(path: Path, limits: ImportLimits) -> ParsedSource:
    check_zip(path, limits.max_unpacked_bytes)
    source = ParsedSource(path=path, format="xlsx")
    collector = IssueCollector(path.name, limits.max_issues)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        cause = f"{type(error).__name__}: {error}"
        collector.add(
            wording(
                "the workbook cannot be read ({error}); it may be truncated or "
                "damaged: save it again from Excel",
                error=cause,
            )
        )
        source.issues = collector.issues
        return source
    try:
        tables = []
        for worksheet in workbook.worksheets:
            sheet = find_sheet(worksheet.title)
            if sheet is None:
                source.skipped[f"sheet '{worksheet.title}'"] += 1
                continue
            rows = worksheet.iter_rows(values_only=True)
            header = next(rows, None)
            numbered = ((number, list(row)) for number, row in enumerate(rows, start=2))
            tables.append(
                RawTable(
                    worksheet.title, sheet, list(header or []), numbered, label=worksheet.title
                )
            )
        _parse_tables(tables, source, collector)
    except TooManyIssues:
        source.truncated = True
        source.issues = collector.issues
    finally:
        workbook.close()
    return source


def read_csv_source(paths: list[Path], name: Path, limits: ImportLimits) -> ParsedSource:
    """Loose CSV files, a folder of them, or a zip of them, as one source."""
    source = ParsedSource(path=name, format="csv")
    collector = IssueCollector(name.name, limits.max_issues)
    tables = []
    try:
        for file_name, data in _csv_files(paths, limits):
            sheet = find_sheet(Path(file_name).stem)
            if sheet is None:
                collector.add(
                    wording(
                        "'{file}' does not name a template sheet; name CSV files after the "
                        "sheet, such as {examples}",
                        file=file_name,
                        examples=", ".join(s.key + ".csv" for s in SHEETS[:3]),
                    ),
                    element=None,
                )
                continue
            try:
                header, rows = csv_rows(decode_text(data))
            except UnreadableText as error:
                collector.add(error.wording, sheet=file_name, line=error.line, row=error.row)
                continue
            guarded = _guarded(rows, collector, file_name)
            tables.append(RawTable(file_name, sheet, header, guarded, label=file_name))
        _parse_tables(tables, source, collector)
    except TooManyIssues:
        source.truncated = True
    source.issues = collector.issues
    return source


def _csv_files(paths: list[Path], limits: ImportLimits) -> Iterator[tuple[str, bytes]]:
    for path in paths:
        if path.is_dir():
            for child in sorted(path.glob("*.csv")):
                yield child.name, child.read_bytes()
        elif path.suffix.lower() == ".zip" or path.read_bytes()[:2] == b"PK":
            check_zip(path, limits.max_unpacked_bytes)
            with zipfile.ZipFile(path) as archive:
                for member in sorted(archive.namelist()):
                    if member.lower().endswith(".csv"):
                        yield Path(member).name, archive.read(member)
        else:
            yield path.name, path.read_bytes()


def _guarded(rows: Iterator[Row], collector: IssueCollector, label: str) -> Iterator[Row]:
    """The rows up to one the csv module cannot read, which becomes an issue of the file."""
    try:
        yield from rows
    except UnreadableText as error:
        collector.add(error.wording, sheet=label, line=error.line, row=error.row)


def _parse_tables(tables: list[RawTable], source: ParsedSource, collector: IssueCollector) -> None:
    parsed = _Parsed()
    try:
        for table in tables:
            _parse_table(table, parsed, collector)
        _attach_relations(parsed, source, collector)
    except TooManyIssues:
        source.truncated = True
    source.issues = collector.issues


# column index -> (template column, or None for a free property; the header as written)
HeaderMap = dict[int, tuple[Column | None, str]]


def _map_headers(table: RawTable, collector: IssueCollector) -> HeaderMap | None:
    known = {}
    for column in table.sheet.columns:
        for name in (column.sv, column.en, column.field):
            known[fold_header(name)] = column
    mapping: HeaderMap = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        if is_blank(header):
            continue
        folded = fold_header(str(header))
        if folded in seen:
            collector.add(
                wording(
                    "the header '{header}' appears twice (columns {first} and "
                    "{second}); remove one",
                    header=header,
                    first=seen[folded] + 1,
                    second=index + 1,
                ),
                sheet=table.label,
                row=1,
            )
            continue
        seen[folded] = index
        mapping[index] = (known.get(folded), restore_formula(str(header).strip()))
    present = {column.field for column, _ in mapping.values() if column is not None}
    missing = [c for c in table.sheet.columns if c.required and c.field not in present]
    if missing:
        names = ", ".join(f"'{c.sv}' (or '{c.en}')" for c in missing)
        collector.add(
            wording("required column(s) {names} missing from the header row", names=names),
            sheet=table.label,
            row=1,
        )
        return None
    return mapping


def _parse_table(table: RawTable, parsed: _Parsed, collector: IssueCollector) -> None:
    mapping = _map_headers(table, collector)
    if mapping is None:
        return
    supplied = _supplied_fields(mapping)
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        if all(is_blank(cell) for cell in cells):
            continue
        data = _row_data(table, mapping, number, cells, collector)
        if data is None:
            continue
        if table.sheet.is_relation:
            system_id = data.pop("system_id")
            parsed.relations.setdefault(table.sheet.parent_field or "", []).append(
                (system_id, data, number, table.label)
            )
            continue
        record_id = data["id"]
        if record_id in first_row:
            collector.add(
                wording(
                    "the id '{id}' is used again (first on row {first}); ids "
                    "must be unique within a sheet",
                    id=record_id,
                    first=first_row[record_id],
                ),
                sheet=table.label,
                row=number,
                column=table.sheet.columns[0].sv,
            )
            continue
        first_row[record_id] = number
        record = _build_record(table, data, number, collector)
        if record is not None:
            parsed.records.setdefault(table.sheet.entity, []).append((record, supplied))


def _supplied_fields(mapping: HeaderMap) -> frozenset[str]:
    fields = {column.field.split(".")[0] for column, _ in mapping.values() if column is not None}
    if any(column is None for column, _ in mapping.values()):
        fields.add("properties")
    return frozenset(fields)


def _row_data(
    table: RawTable,
    mapping: HeaderMap,
    number: int,
    cells: list[Any],
    collector: IssueCollector,
) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    properties: dict[str, str] = {}
    ok = True
    for index, (target, header) in mapping.items():
        value = cells[index] if index < len(cells) else None
        if target is None:
            if not is_blank(value):
                properties[header] = restore_formula(str(value).strip())
            continue
        try:
            converted = convert_cell(target, value)
        except ValueError as error:
            collector.add(error_wording(error), sheet=table.label, row=number, column=header)
            ok = False
            continue
        if target.required and converted is None:
            collector.add(
                wording("a value is required here"), sheet=table.label, row=number, column=header
            )
            ok = False
            continue
        _set_nested(data, target.field, converted)
    if properties:
        data["properties"] = properties
    return data if ok else None


def _set_nested(data: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if rest:
        data.setdefault(head, {})[rest] = value
    else:
        data[head] = value


def _build_record(
    table: RawTable, data: dict[str, Any], number: int, collector: IssueCollector
) -> Record | None:
    model = ENTITY_TYPES[table.sheet.entity]
    location = f"sheet '{table.label}', row {number}" if table.label else f"row {number}"
    data["provenance"] = Provenance(source=collector.file, location=location)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        by_field = {column.field: column for column in table.sheet.columns}
        for problem in error.errors():
            dotted = ".".join(str(part) for part in problem["loc"])
            column = by_field.get(dotted)
            collector.add(
                validation_wording(problem),
                sheet=table.label,
                row=number,
                column=column.sv if column else dotted,
            )
        return None


def _attach_relations(parsed: _Parsed, source: ParsedSource, collector: IssueCollector) -> None:
    systems = {
        record.id: (record, supplied) for record, supplied in parsed.records.get("systems", [])
    }
    for parent_field, rows in parsed.relations.items():
        grouped: dict[str, list[dict[str, Any]]] = {}
        for system_id, item, number, label in rows:
            if system_id not in systems:
                collector.add(
                    wording(
                        "system '{id}' is not in the systems sheet of this import; relation "
                        "rows are imported together with their systems",
                        id=system_id,
                    ),
                    sheet=label,
                    row=number,
                    column="System",
                )
                continue
            grouped.setdefault(system_id, []).append(item)
        for system_id, items in grouped.items():
            record, supplied = systems[system_id]
            systems[system_id] = (
                record.model_copy(
                    update={parent_field: [_relation_item(parent_field, item) for item in items]}
                ),
                supplied,
            )
        for system_id, (record, supplied) in systems.items():
            systems[system_id] = (record, supplied | {parent_field})
    if systems:
        parsed.records["systems"] = list(systems.values())
    for entity, pairs in parsed.records.items():
        for record, supplied in pairs:
            source.inventory.records(entity).append(record)
            source.supplied[(entity, record.id)] = supplied


def _relation_item(parent_field: str, item: dict[str, Any]) -> CapabilityFit | DataUse:
    model: type[CapabilityFit | DataUse]
    model = CapabilityFit if parent_field == "capabilities" else DataUse
    return model.model_validate(item)
