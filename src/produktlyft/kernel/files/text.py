"""Text files as people save them, and CSV rows read from them with located errors.

CSV files arrive in UTF-8 (with or without a byte-order mark), in UTF-16 with its byte-order
mark (Excel's "Unicode text") or in Windows-1252 (what Excel on Swedish Windows writes by
default). Bytes that are none of these, and cells larger than any import needs, are the user's
to fix, so they are reported as `UnreadableText` with the line or row where they are.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from produktlyft.kernel.errors import WordedError, Wording, wording

# The byte-order marks read, longest first (UTF-32's would start like UTF-16 LE's)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Python's csv module refuses larger cells; no cell of any template needs as many, and one
# usually means a quote that is never closed
MAX_CELL_CHARACTERS = 131_072


class UnreadableText(WordedError):
    """Bytes or a cell the file cannot be read past, with where: a line of the file (`line`)
    or a row of the table (`row`, the header being row 1)."""

    def __init__(self, message: Wording, *, line: int | None = None, row: int | None = None):
        super().__init__(message)
        self.line = line
        self.row = row


def decode_text(data: bytes) -> str:
    """The text of a file: by its byte-order mark if it has one, else UTF-8, else
    Windows-1252; UnreadableText naming the first byte that none of them reads."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise _unreadable(
                    data,
                    error,
                    codec,
                    wording(
                        "the file starts as {encoding} text, but byte {byte} cannot be read "
                        "as {encoding}; save it again as CSV UTF-8",
                        encoding=name,
                        byte=_byte(data, error),
                    ),
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise _unreadable(
            data,
            error,
            "cp1252",
            wording(
                "the file is not text in UTF-8, UTF-16 or Windows-1252: byte {byte} cannot be "
                "read; save it again as CSV UTF-8",
                byte=_byte(data, error),
            ),
        ) from None


def _byte(data: bytes, error: UnicodeDecodeError) -> str:
    return f"0x{data[error.start]:02X}"


def _unreadable(
    data: bytes, error: UnicodeDecodeError, codec: str, message: Wording
) -> UnreadableText:
    line = data[: error.start].decode(codec, errors="replace").count("\n") + 1
    return UnreadableText(message, line=line)


def sniff_delimiter(text: str) -> str:
    """`;`, `,` or tab: whichever the header line has most of."""
    header = text[:4096].split("\n", 1)[0]
    return max((";", ",", "\t"), key=header.count)


def csv_rows(text: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the numbered rows (the header is row 1) of CSV text. Iterating raises
    UnreadableText at a row the csv module cannot read, such as one with a cell over
    MAX_CELL_CHARACTERS."""
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    header = _next_row(reader, 1)
    return header or [], _numbered(reader)


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    number = 2
    while (row := _next_row(reader, number)) is not None:
        yield number, row
        number += 1


def _next_row(reader: Iterator[list[str]], number: int) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            limit = f"{MAX_CELL_CHARACTERS:,}".replace(",", " ")
            message = wording(
                "a cell has more than {limit} characters; no template needs that many, so a "
                'quote (") that opens a cell is probably never closed',
                limit=limit,
            )
        else:
            message = wording("the row cannot be read as CSV ({error})", error=error)
        raise UnreadableText(message, row=number) from None
