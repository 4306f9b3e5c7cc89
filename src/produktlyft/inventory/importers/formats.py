"""The file formats the inventory reads, each an importer that says whether it reads a path
(`detect`) and reads it (`read`). The inventory's `Area` lists them; `read_sources` asks them in
this order. Grouped importers read all their paths as one source, so that references between
the files (CSV sheets, Backstage entities) resolve."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from produktlyft.inventory.importers import detect
from produktlyft.inventory.importers.archimate import read_archimate
from produktlyft.inventory.importers.backstage import read_backstage
from produktlyft.inventory.importers.json_import import read_json
from produktlyft.inventory.importers.source import ParsedSource
from produktlyft.inventory.importers.tabular import read_csv_source, read_xlsx
from produktlyft.kernel.files.base import ImportLimits


class InventoryImporter(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def grouped(self) -> bool:
        """Whether all the paths it detects are read together, as one source."""
        ...

    def detect(self, path: Path) -> bool: ...

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource: ...


def _has_yaml(folder: Path) -> bool:
    return any(folder.rglob("*.yaml")) or any(folder.rglob("*.yml"))


@dataclass(frozen=True)
class Xlsx:
    name: str = "xlsx"
    grouped: bool = False

    def detect(self, path: Path) -> bool:
        return path.is_file() and detect.detect_format(path) == detect.XLSX

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource:
        return read_xlsx(paths[0], limits)


@dataclass(frozen=True)
class Csv:
    """CSV files, a folder of them or a zip of them; all given at once are one source."""

    name: str = "csv"
    grouped: bool = True

    def detect(self, path: Path) -> bool:
        if path.is_dir():
            return not _has_yaml(path)
        return detect.detect_format(path) in (detect.CSV, detect.CSV_ZIP)

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource:
        name = paths[0] if len(paths) == 1 else paths[0].parent
        return read_csv_source(list(paths), name, limits)


@dataclass(frozen=True)
class Archimate:
    """The ArchiMate exchange format, or Archi's own .archimate files (`native`)."""

    native: bool
    grouped: bool = False

    @property
    def name(self) -> str:
        return detect.ARCHI if self.native else detect.AMEFF

    def detect(self, path: Path) -> bool:
        return path.is_file() and detect.detect_format(path) == self.name

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource:
        return read_archimate(paths[0], limits, native=self.native)


@dataclass(frozen=True)
class Json:
    """Our own JSON export."""

    name: str = "json"
    grouped: bool = False

    def detect(self, path: Path) -> bool:
        return path.is_file() and detect.detect_format(path) == detect.JSON

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource:
        return read_json(paths[0], limits)


@dataclass(frozen=True)
class Backstage:
    """Backstage catalog-info files, or a folder of them; all given at once are one source."""

    name: str = "backstage"
    grouped: bool = True

    def detect(self, path: Path) -> bool:
        if path.is_dir():
            return _has_yaml(path)
        return detect.detect_format(path) == detect.BACKSTAGE

    def read(self, paths: Sequence[Path], limits: ImportLimits) -> ParsedSource:
        name = paths[0] if len(paths) == 1 else Path(paths[0].parent.name or "catalog")
        return read_backstage(list(paths), name, limits)


IMPORTERS: tuple[InventoryImporter, ...] = (
    Xlsx(),
    Csv(),
    Archimate(native=False),
    Archimate(native=True),
    Json(),
    Backstage(),
)
