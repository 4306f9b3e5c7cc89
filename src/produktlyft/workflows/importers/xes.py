"""Event logs from XES (IEEE 1849), `.xes` or `.xes.gz`.

Two readers, one result (see docs/decisions/0002-xes-parser.md for the measurements):
- `r4pm` (Rust, MIT/Apache): reads the file into polars directly. Used when installed.
- a streaming reader of our own over defusedxml's iterparse: DTDs, entity declarations and
  external references are refused; elements are cleared as soon as they are read.
Trace attributes become columns prefixed `case:` (so the case id is `case:concept:name`), event
attributes keep their keys, as pm4py does.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

import polars as pl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.kernel.files.safety import UnsafeInput
from produktlyft.workflows.importers.common import ParsedEventLog, finish
from produktlyft.workflows.model import ColumnMapping

ATTRIBUTE_TAGS = {"string", "date", "int", "float", "boolean", "id"}
NUMERIC = {"int": pl.Int64, "float": pl.Float64}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    # closed in the finally below: the caller reads while this generator is suspended
    opener = gzip.open if compressed else Path.open
    handle = cast(IO[bytes], opener(path, "rb"))
    try:
        yield handle
    finally:
        handle.close()


def _refuse_doctype(path: Path) -> None:
    """r4pm does not expand entities, but say so plainly rather than parse around a DTD."""
    with _open(path) as handle:
        head = handle.read(65536)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the XML declares a DTD or entities, which is "
                    "refused for safety; remove the DOCTYPE"
                ),
                file=path.name,
            )
        )


CANNOT_READ = wording("the XES file cannot be read; nothing was imported")


def _stream_rows(handle: IO[bytes]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Events as rows of text values, and the XES type of each attribute key."""
    rows: list[dict[str, str]] = []
    kinds: dict[str, str] = {}
    trace_attrs: dict[str, str] = {}
    trace_rows: list[dict[str, str]] = []
    stack: list[str] = []
    events = iterparse(
        handle, events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    for event, element in events:
        tag = _local(element.tag)
        if event == "start":
            stack.append(tag)
            if tag == "trace":
                trace_attrs, trace_rows = {}, []
            elif tag == "event":
                trace_rows.append({})
            continue
        stack.pop()
        parent = stack[-1] if stack else ""
        if tag in ATTRIBUTE_TAGS and parent in ("event", "trace"):
            key, value = element.get("key"), element.get("value")
            if key is not None and value is not None:
                name = key if parent == "event" else f"case:{key}"
                kinds.setdefault(name, tag)
                (trace_rows[-1] if parent == "event" else trace_attrs)[name] = value
        elif tag == "trace":
            rows.extend({**trace_attrs, **row} for row in trace_rows)
            element.clear()
        if tag == "event":
            element.clear()
    return rows, kinds


def _typed(frame: pl.DataFrame, kinds: dict[str, str]) -> pl.DataFrame:
    casts = {
        name: NUMERIC[kind]
        for name, kind in kinds.items()
        if kind in NUMERIC and name in frame.columns
    }
    booleans = [name for name, kind in kinds.items() if kind == "boolean" and name in frame.columns]
    return frame.with_columns(
        *[pl.col(name).cast(dtype, strict=False) for name, dtype in casts.items()],
        *[pl.col(name).str.to_lowercase().eq("true") for name in booleans],
    )


def read_xes_streaming(path: Path) -> pl.DataFrame:
    """Our own reader: text values per event, typed afterwards column by column."""
    try:
        with _open(path) as handle:
            rows, kinds = _stream_rows(handle)
    except DefusedXmlException as error:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the XML declares a DTD or entities ({kind}), which is refused for safety",
                    kind=type(error).__name__,
                ),
                file=path.name,
            )
        ) from error
    except Exception as error:  # ParseError from expat, gzip errors: tell the user where
        position = getattr(error, "position", None)
        problem = (
            wording(
                "not a well-formed XES file at line {line}, column {column}: {error}",
                line=position[0],
                column=position[1],
                error=error,
            )
            if position
            else wording("not a well-formed XES file: {error}", error=error)
        )
        raise InvalidInput([Issue.worded(problem, file=path.name)], CANNOT_READ) from error
    if not rows:
        return pl.DataFrame()
    frame = pl.DataFrame(rows, schema={name: pl.String for name in kinds}, orient="row")
    return _typed(frame, kinds)


def read_xes_r4pm(path: Path) -> pl.DataFrame | None:
    """r4pm's reader, or None when it is not installed. Its timestamps are UTC without a zone."""
    try:
        import r4pm
    except ImportError:
        return None
    _refuse_doctype(path)
    try:
        frame, _attributes = r4pm.df.import_xes(str(path))
    except Exception as error:  # its errors are plain exceptions carrying the parser's message
        raise InvalidInput(
            [
                Issue.worded(
                    wording("not a well-formed XES file: {error}", error=error), file=path.name
                )
            ],
            CANNOT_READ,
        ) from error
    frame = frame.select(sorted(frame.columns))  # its column order varies between calls
    dates: list[Any] = [
        pl.col(name).dt.replace_time_zone("UTC")
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is None
    ]
    return frame.with_columns(dates)


def read_eventlog_xes(
    path: Path, mapping: ColumnMapping, *, skip_bad_rows: bool = False, engine: str = "auto"
) -> ParsedEventLog:
    raw = read_xes_r4pm(path) if engine in ("auto", "r4pm") else None
    if raw is None:
        raw = read_xes_streaming(path)
    if raw.is_empty():
        raise InvalidInput(
            [Issue.worded(wording("the log has no events"), file=path.name)],
            wording("the XES file holds no events; nothing was imported"),
        )
    return finish(
        raw, mapping, file=path.name, fmt="xes", skip_bad_rows=skip_bad_rows, row_unit="event"
    )
