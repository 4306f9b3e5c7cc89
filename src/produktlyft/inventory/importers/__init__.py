"""Adapters from files to domain records. `read_sources` asks each importer (formats.py)
whether it reads a path, in order, and reads it with the first that does."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.importers.formats import IMPORTERS, InventoryImporter
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.kernel.errors import Issue, wording
from produktlyft.kernel.files.base import ImportLimits
from produktlyft.kernel.files.safety import UnsafeInput, check_size

__all__ = ["ImportLimits", "ParsedSource", "read_sources"]

FORMATS_HELP = (
    ".xlsx, CSV files (or a folder or zip of them), ArchiMate exchange .xml, "
    "Archi .archimate, Backstage catalog-info.yaml, or our JSON export"
)


def _failed(path: Path, fmt: str, issue: Issue) -> ParsedSource:
    return ParsedSource(path=path, format=fmt, issues=[issue])


def _unknown(path: Path) -> ParsedSource:
    issue = Issue.worded(
        wording("cannot tell the format; expected {formats}", formats=FORMATS_HELP),
        file=path.name,
    )
    return _failed(path, "unknown", issue)


def _importer_of(path: Path, limits: ImportLimits) -> InventoryImporter | None:
    if path.is_file():
        check_size(path, limits.max_bytes)
    return next((importer for importer in IMPORTERS if importer.detect(path)), None)


def read_sources(paths: list[Path], limits: ImportLimits | None = None) -> list[ParsedSource]:
    """Parse every path with the importer that detects it. Paths of a grouped importer (CSV
    files, Backstage files) are read together as one source so that references between them
    resolve, after the other files; every other file is a source of its own."""
    limits = limits or ImportLimits()
    sources: list[ParsedSource] = []
    groups: dict[InventoryImporter, list[Path]] = {}
    for path in paths:
        if not path.exists():
            missing = Issue.worded(wording("no such file or folder"), file=str(path))
            sources.append(_failed(path, "missing", missing))
            continue
        try:
            importer = _importer_of(path, limits)
            if importer is None:
                sources.append(_unknown(path))
            elif importer.grouped:
                groups.setdefault(importer, []).append(path)
            else:
                sources.append(importer.read([path], limits))
        except UnsafeInput as error:
            sources.append(_failed(path, "refused", error.issue))
    try:
        for importer in IMPORTERS:  # in their order: CSV before Backstage, as always
            if importer in groups:
                sources.append(importer.read(groups[importer], limits))
    except UnsafeInput as error:
        sources.append(_failed(Path(error.issue.file or "input"), "refused", error.issue))
    return sources
