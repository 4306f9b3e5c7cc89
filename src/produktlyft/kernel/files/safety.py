"""Guards every importer applies before parsing: file size, unpacked size and safe XML."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, Any

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from produktlyft.kernel.errors import Issue, ProduktlyftError, wording


class UnsafeInput(ProduktlyftError):
    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        super().__init__(str(issue))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the file is {size}, over the limit of {limit}; split it or raise "
                    "PRODUKTLYFT_MAX_IMPORT_BYTES",
                    size=_mb(size),
                    limit=_mb(max_bytes),
                ),
                file=path.name,
            )
        )


def check_zip(path: Path, max_unpacked: int) -> None:
    """Refuse archives that are not zips or would unpack to more than the limit (zip bombs)."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the file is not a valid xlsx/zip archive ({error}); it may be truncated or "
                    "damaged: save it again from Excel",
                    error=error,
                ),
                file=path.name,
            )
        ) from error
    if total > max_unpacked:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the archive unpacks to {size}, over the limit of {limit}",
                    size=_mb(total),
                    limit=_mb(max_unpacked),
                ),
                file=path.name,
            )
        )


def parse_xml(source: Path | IO[bytes], name: str) -> Any:
    """Parse XML refusing DTDs, entity declarations and external references."""
    try:
        return SafeET.parse(
            source, forbid_dtd=True, forbid_entities=True, forbid_external=True
        ).getroot()
    except DefusedXmlException as error:
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the XML declares a DTD or entities ({kind}), which is refused for safety "
                    "(entity expansion, external entities); remove the DOCTYPE",
                    kind=type(error).__name__,
                ),
                file=name,
            )
        ) from error
    except SafeET.ParseError as error:
        line, column = getattr(error, "position", (None, None))
        raise UnsafeInput(
            Issue.worded(
                wording(
                    "the XML is not well-formed at line {line}, column {column}: {error}",
                    line=line,
                    column=column,
                    error=error,
                ),
                file=name,
                row=line,
            )
        ) from error
