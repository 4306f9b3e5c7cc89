"""The backup archive: one zip file holding

- `manifest.json`: the format and its version, the produktlyft version, the schema (Alembic)
  revision, when it was made, the rows of every table and the SHA-256 of every other member;
- `tables/<table>.jsonl`: one JSON object per row, tables listed in dependency order;
- `files/<path>`: the files kept in the data folder (stored event logs, evidence, uploads).

Reading checks everything before anything is written: that the file is a zip, that the
manifest is ours and of a version this code reads, that the members are exactly those the
manifest names, and that every member's checksum matches.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from produktlyft.kernel.errors import ProduktlyftError

FORMAT = "produktlyft-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES = "tables/"
FILES = "files/"
_CHUNK = 1024 * 1024


class BackupRefused(ProduktlyftError):
    """The archive cannot be restored (not ours, damaged, too new) or the target is not ready."""


class TableEntry(BaseModel):
    name: str
    rows: int


class Manifest(BaseModel):
    format: str
    format_version: int
    produktlyft_version: str
    alembic_revision: str
    created_at: datetime
    database: str
    tables: list[TableEntry]
    files: int
    sha256: dict[str, str]

    def member_of(self, table: str) -> str:
        return f"{TABLES}{table}.jsonl"


class _Hashing:
    """A writable member that counts its SHA-256 as it goes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        self.stream.write(data)


class ArchiveWriter:
    """Writes `path` through a temporary file beside it, so a failed backup leaves no file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self.zip = zipfile.ZipFile(self.partial, "w", compression=zipfile.ZIP_DEFLATED)
        self.sha256: dict[str, str] = {}

    def add_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        count = 0
        name = f"{TABLES}{table}.jsonl"
        with self.zip.open(name, "w", force_zip64=True) as member:
            out = _Hashing(member)
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, allow_nan=True).encode() + b"\n")
                count += 1
        self.sha256[name] = out.digest.hexdigest()
        return count

    def add_file(self, relative: PurePosixPath, source: Path) -> None:
        name = f"{FILES}{relative}"
        with source.open("rb") as data, self.zip.open(name, "w", force_zip64=True) as member:
            out = _Hashing(member)
            while chunk := data.read(_CHUNK):
                out.write(chunk)
        self.sha256[name] = out.digest.hexdigest()

    def finish(self, manifest: Manifest) -> None:
        self.zip.writestr(MANIFEST, manifest.model_dump_json(indent=2))
        self.zip.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        self.zip.close()
        self.partial.unlink(missing_ok=True)


def _refuse(path: Path, reason: str) -> BackupRefused:
    return BackupRefused(f"{path.name} cannot be restored: {reason}; nothing was written")


def _safe_file_name(name: str) -> bool:
    relative = PurePosixPath(name.removeprefix(FILES))
    return (
        name.startswith(FILES)
        and not relative.is_absolute()
        and all(part not in ("", ".", "..") for part in relative.parts)
        and "\\" not in name
    )


class ArchiveReader:
    """An archive checked whole on opening; rows and files are then read from it."""

    def __init__(self, path: Path, known_revisions: list[str]) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError as error:
            raise BackupRefused(f"there is no file {path}") from error
        except (zipfile.BadZipFile, OSError) as error:
            raise _refuse(path, f"it is not a zip archive or it is truncated ({error})") from error
        try:
            self.manifest = self._manifest(known_revisions)
            self._verify()
        except BaseException:
            self.zip.close()
            raise

    def _manifest(self, known_revisions: list[str]) -> Manifest:
        try:
            manifest = Manifest.model_validate_json(self.zip.read(MANIFEST))
        except KeyError as error:
            raise _refuse(
                self.path, "it has no manifest.json, so it is no produktlyft backup"
            ) from error
        except (ValidationError, zipfile.BadZipFile, OSError, ValueError) as error:
            raise _refuse(self.path, f"its manifest.json is damaged ({error})") from error
        if manifest.format != FORMAT:
            raise _refuse(self.path, f"it is a {manifest.format!r} file, not a produktlyft backup")
        if manifest.format_version > FORMAT_VERSION:
            raise _refuse(
                self.path,
                f"it is in backup format {manifest.format_version}, newer than this produktlyft "
                f"reads ({FORMAT_VERSION}); restore it with produktlyft "
                f"{manifest.produktlyft_version} or later",
            )
        if manifest.alembic_revision not in known_revisions:
            raise _refuse(
                self.path,
                f"its schema revision {manifest.alembic_revision} is unknown to this produktlyft "
                f"(made by version {manifest.produktlyft_version}, perhaps newer); upgrade "
                "produktlyft first",
            )
        return manifest

    def _verify(self) -> None:
        expected = set(self.manifest.sha256) | {MANIFEST}
        expected |= {self.manifest.member_of(table.name) for table in self.manifest.tables}
        present = set(self.zip.namelist())
        if present != expected:
            odd = sorted(present ^ expected)[:5]
            raise _refuse(self.path, f"its members differ from its manifest: {', '.join(odd)}")
        for name in present - {MANIFEST}:
            if not (name.startswith(TABLES) or _safe_file_name(name)):
                raise _refuse(self.path, f"it holds an unsafe member name {name!r}")
            if self._sha256(name) != self.manifest.sha256[name]:
                raise _refuse(self.path, f"the checksum of {name} does not match; it is damaged")

    def _sha256(self, name: str) -> str:
        digest = hashlib.sha256()
        try:
            with self.zip.open(name) as member:
                while chunk := member.read(_CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise _refuse(self.path, f"{name} cannot be read ({error}); it is damaged") from error
        return digest.hexdigest()

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        name = self.manifest.member_of(table)
        with self.zip.open(name) as member:
            for number, line in enumerate(member, start=1):
                try:
                    row = json.loads(line)
                except ValueError as error:
                    raise _refuse(self.path, f"{name} line {number} is not JSON") from error
                if not isinstance(row, dict):
                    raise _refuse(self.path, f"{name} line {number} is not a row")
                yield row

    def files(self) -> list[tuple[str, PurePosixPath]]:
        return [
            (name, PurePosixPath(name.removeprefix(FILES)))
            for name in sorted(self.manifest.sha256)
            if name.startswith(FILES)
        ]

    def extract(self, name: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        with self.zip.open(name) as member, target.open("wb") as out:
            while chunk := member.read(_CHUNK):
                out.write(chunk)

    def close(self) -> None:
        self.zip.close()
