"""Event logs from XES (IEEE 1849), `.xes` or `.xes.gz`.

Two readers, one result (see docs/decisions/0501-xes-reader.md for the measurements):
- `r4pm` (Rust, MIT/Apache): reads the file into polars directly. Used when installed.
- a streaming reader of our own over defusedxml's iterparse: DTDs, entity declarations and
  external references are refused; elements are cleared as soon as they are read.
Trace attributes become columns prefixed `case:` (so the case id is `case:concept:name`), event
attributes keep their keys, as pm4py does.

A file cut short or broken is refused, never read in part: r4pm stops quietly at a truncated
gzip stream or at the first malformed tag and returns the events before it, so its path first
reads the whole document with expat (and the gzip stream to its end-of-stream marker and CRC);
the streaming reader meets the same errors as it goes. Both name the line where the file ends.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast
from xml.parsers import expat

import polars as pl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from produktlyft.kernel.errors import InvalidInput, Issue, Wording, wording
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


class _Lines:
    """A binary stream that counts the lines it has handed on, to say where a file ends."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.line = 1

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.line += data.count(b"\n")
        return data


# expat's errors that only arise when the document stops before its end
_ENDS_EARLY = {
    expat.errors.codes[message]
    for message in (
        expat.errors.XML_ERROR_NO_ELEMENTS,
        expat.errors.XML_ERROR_UNCLOSED_TOKEN,
        expat.errors.XML_ERROR_PARTIAL_CHAR,
        expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
    )
}
REFUSED_DTD = wording(
    "the XML declares a DTD or entities, which is refused for safety; remove the DOCTYPE"
)


class _DeclaresDtd(Exception):
    """Raised from expat's handlers when the document declares a DTD or an entity."""


def _problem(error: Exception, line: int) -> Wording:
    """Words a reading error: a file cut short, damaged compressed data, or bad XML."""
    if isinstance(error, EOFError):  # gzip: "ended before the end-of-stream marker"
        return wording(
            "the compressed file ends unexpectedly at line {line}: the file is cut short and "
            "the XES document is incomplete",
            line=line,
        )
    if isinstance(error, gzip.BadGzipFile | zlib.error):
        return wording(
            "the compressed data is damaged near line {line} ({error}); the XES document "
            "cannot be read",
            line=line,
            error=error,
        )
    code = getattr(error, "code", None)
    position = getattr(error, "position", None)  # ElementTree's ParseError
    if position is None and isinstance(error, expat.ExpatError):
        position = (error.lineno, error.offset)
    if code in _ENDS_EARLY:
        return wording(
            "the file ends unexpectedly at line {line}: the XES document is incomplete",
            line=position[0] if position else line,
        )
    if position and isinstance(code, int):
        return wording(
            "not a well-formed XES file at line {line}, column {column}: {error}",
            line=position[0],
            column=position[1] + 1,
            error=expat.ErrorString(code),
        )
    return wording("not a well-formed XES file: {error}", error=error)


def _unreadable(error: Exception, path: Path, line: int) -> InvalidInput:
    return InvalidInput([Issue.worded(_problem(error, line), file=path.name)], CANNOT_READ)


def check_document(path: Path) -> None:
    """Read the whole document with expat, keeping nothing, so that a reader which stops
    quietly at an error is only handed complete, well-formed files: refuse a DTD or entity
    declaration (UnsafeInput), a gzip stream cut short or damaged, and malformed or
    unfinished XML (InvalidInput naming the line)."""

    def refuse(*_: object) -> None:
        raise _DeclaresDtd

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    lines: _Lines | None = None
    try:
        with _open(path) as handle:
            lines = _Lines(handle)
            parser.ParseFile(lines)
    except _DeclaresDtd as error:
        raise UnsafeInput(Issue.worded(REFUSED_DTD, file=path.name)) from error
    except (EOFError, OSError, zlib.error, expat.ExpatError) as error:
        raise _unreadable(error, path, lines.line if lines else 1) from error


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
    lines: _Lines | None = None
    try:
        with _open(path) as handle:
            lines = _Lines(handle)
            rows, kinds = _stream_rows(cast(IO[bytes], lines))
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
        raise _unreadable(error, path, lines.line if lines else 1) from error
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
    check_document(path)  # r4pm would return the events before a cut or a broken tag
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
