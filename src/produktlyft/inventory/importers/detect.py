"""Work out a file's format from its content first and its extension second."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

XLSX = "xlsx"
CSV = "csv"
CSV_ZIP = "csv-zip"
AMEFF = "archimate-xml"
ARCHI = "archimate-native"
BACKSTAGE = "backstage"
JSON = "json"
UNKNOWN = "unknown"

_SNIFF = 4096


def detect_format(path: Path) -> str:
    if path.is_dir():
        return CSV
    head = path.read_bytes()[:_SNIFF] if path.stat().st_size else b""
    if head.startswith(b"PK"):
        return _zip_kind(path)
    if head.startswith(b"\x1f\x8b"):
        with gzip.open(path) as handle:
            head = handle.read(_SNIFF)
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        if "archimatetool.com/archimate" in text or "<archimate:model" in text:
            return ARCHI
        if "opengroup.org/xsd/archimate" in text:
            return AMEFF
        return _by_extension(path)
    if text.startswith("{"):
        return JSON
    if "apiVersion:" in text and "kind:" in text:
        return BACKSTAGE
    return _by_extension(path)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return XLSX if path.suffix.lower() == ".xlsx" else UNKNOWN
    if any(name.startswith("xl/") for name in names):
        return XLSX
    if any(name.lower().endswith(".csv") for name in names):
        return CSV_ZIP
    return XLSX if path.suffix.lower() == ".xlsx" else UNKNOWN


def _by_extension(path: Path) -> str:
    suffix = path.suffix.lower()
    return {
        ".xlsx": XLSX,
        ".csv": CSV,
        ".txt": CSV,
        ".archimate": ARCHI,
        ".xml": AMEFF,
        ".yaml": BACKSTAGE,
        ".yml": BACKSTAGE,
        ".json": JSON,
    }.get(suffix, UNKNOWN)
