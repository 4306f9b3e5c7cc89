"""Adapters from files to domain records. `read_sources` picks the right one for each path."""

from __future__ import annotations

from pathlib import Path

from produktlyft.inventory.importers import detect
from produktlyft.inventory.importers.archimate import read_archimate
from produktlyft.inventory.importers.backstage import read_backstage
from produktlyft.inventory.importers.json_import import read_json
from produktlyft.inventory.importers.tabular import read_csv_source, read_xlsx
from produktlyft.kernel.errors import Issue, wording
from produktlyft.kernel.files.base import ImportLimits, ParsedSource
from produktlyft.kernel.files.safety import UnsafeInput, check_size

__all__ = ["ImportLimits", "ParsedSource", "read_sources"]

FORMATS_HELP = (
    ".xlsx, CSV files (or a folder or zip of them), ArchiMate exchange .xml, "
    "Archi .archimate, Backstage catalog-info.yaml, or our JSON export"
)


def _failed(path: Path, fmt: str, issue: Issue) -> ParsedSource:
    return ParsedSource(path=path, format=fmt, issues=[issue])


def read_sources(paths: list[Path], limits: ImportLimits | None = None) -> list[ParsedSource]:
    """Parse every path. CSV files and Backstage files are each read as one source so that
    references between them resolve; every other file is a source of its own."""
    limits = limits or ImportLimits()
    sources: list[ParsedSource] = []
    csv_paths: list[Path] = []
    backstage_paths: list[Path] = []
    for path in paths:
        if not path.exists():
            sources.append(
                _failed(
                    path, "missing", Issue.worded(wording("no such file or folder"), file=str(path))
                )
            )
            continue
        if path.is_dir():
            has_yaml = any(path.rglob("*.yaml")) or any(path.rglob("*.yml"))
            (backstage_paths if has_yaml else csv_paths).append(path)
            continue
        try:
            check_size(path, limits.max_bytes)
            fmt = detect.detect_format(path)
            if fmt == detect.XLSX:
                sources.append(read_xlsx(path, limits))
            elif fmt in (detect.CSV, detect.CSV_ZIP):
                csv_paths.append(path)
            elif fmt in (detect.AMEFF, detect.ARCHI):
                sources.append(read_archimate(path, limits, native=fmt == detect.ARCHI))
            elif fmt == detect.JSON:
                sources.append(read_json(path, limits))
            elif fmt == detect.BACKSTAGE:
                backstage_paths.append(path)
            else:
                sources.append(
                    _failed(
                        path,
                        "unknown",
                        Issue.worded(
                            wording(
                                "cannot tell the format; expected {formats}", formats=FORMATS_HELP
                            ),
                            file=path.name,
                        ),
                    )
                )
        except UnsafeInput as error:
            sources.append(_failed(path, "refused", error.issue))
    try:
        if csv_paths:
            name = csv_paths[0] if len(csv_paths) == 1 else csv_paths[0].parent
            sources.append(read_csv_source(csv_paths, name, limits))
        if backstage_paths:
            name = (
                backstage_paths[0]
                if len(backstage_paths) == 1
                else Path(backstage_paths[0].parent.name or "catalog")
            )
            sources.append(read_backstage(backstage_paths, name, limits))
    except UnsafeInput as error:
        sources.append(_failed(Path(error.issue.file or "input"), "refused", error.issue))
    return sources
