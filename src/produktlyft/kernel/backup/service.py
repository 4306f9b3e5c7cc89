"""Backup and restore of everything produktlyft keeps: every table and the data folder's files.

`make_backup` reads all tables in one read transaction, then copies the data folder; a file
written meanwhile may be copied without its row (it is then unused), never a row without the
file it names. `restore_backup` checks the whole archive first, refuses a target that already
holds data unless `replace` is given, writes every row in one transaction and puts the files
in place just before it commits, so a failure leaves the database and the folder as they were.
Only administrators may do either (the CLI's local operator is one).
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from produktlyft.kernel.access import Permission
from produktlyft.kernel.backup.archive import (
    FORMAT,
    FORMAT_VERSION,
    ArchiveReader,
    ArchiveWriter,
    BackupRefused,
    Manifest,
    TableEntry,
)
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.db.backup import restore_rows, schema_revisions, snapshot, target_state
from produktlyft.kernel.errors import ProduktlyftError

# kept out of the archive: the key that signs sessions belongs to the server it was made on
# (a restored server makes its own, and people sign in again), and half-written event logs
NOT_BACKED_UP = ("secret_key",)
TEMPORARY_PREFIXES = (".incoming-", ".")


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    revision: str
    rows: dict[str, int]
    files: int


@dataclass(frozen=True)
class RestoreSummary:
    revision: str
    upgraded_to: str | None
    rows: dict[str, int]
    files: int
    replaced: bool


def _produktlyft_version() -> str:
    try:
        return version("produktlyft")
    except PackageNotFoundError:
        return "unknown"


def _stored_files(data_dir: Path, skip: set[Path]) -> list[tuple[PurePosixPath, Path]]:
    """The data folder's files, by their path inside it, temporary ones left out."""
    if not data_dir.is_dir():
        return []
    found = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if (
            not path.is_file()
            or path.is_symlink()
            or path.resolve() in skip
            or relative.as_posix() in NOT_BACKED_UP
            or any(part.startswith(TEMPORARY_PREFIXES) for part in relative.parts)
        ):
            continue
        found.append((PurePosixPath(relative.as_posix()), path))
    return found


def make_backup(ctx: ServiceContext, output: Path) -> BackupSummary:
    """Write every table and stored file to the archive `output` (replaced if it exists)."""
    ctx.actor.require(Permission.ADMINISTER)
    ctx.database.require_current()
    if not output.parent.is_dir():
        raise ProduktlyftError(f"the folder {output.parent} does not exist")
    if output.is_dir():
        raise ProduktlyftError(f"{output} is a folder; name the archive file to write")
    data_dir = ctx.settings.resolved_data_dir()
    writer = ArchiveWriter(output)
    try:
        with snapshot(ctx.database) as snap:
            revision = snap.revision or ""
            rows = {name: writer.add_rows(name, snap.rows(name)) for name in snap.table_names()}
        files = _stored_files(data_dir, {output.resolve(), writer.partial.resolve()})
        for relative, path in files:
            writer.add_file(relative, path)
        writer.finish(
            Manifest(
                format=FORMAT,
                format_version=FORMAT_VERSION,
                produktlyft_version=_produktlyft_version(),
                alembic_revision=revision,
                created_at=ctx.now(),
                database="sqlite" if ctx.database.is_sqlite else "postgresql",
                tables=[TableEntry(name=name, rows=count) for name, count in rows.items()],
                files=len(files),
                sha256=writer.sha256,
            )
        )
    except BaseException:
        writer.abandon()
        raise
    return BackupSummary(output, revision, rows, len(files))


def restore_backup(ctx: ServiceContext, archive: Path, *, replace: bool = False) -> RestoreSummary:
    """Restore the archive into the context's database and data folder."""
    ctx.actor.require(Permission.ADMINISTER)
    revisions = schema_revisions()
    reader = ArchiveReader(archive, revisions)
    try:
        return _restore(ctx, reader, revisions[-1], replace=replace)
    finally:
        reader.close()


def _restore(
    ctx: ServiceContext, reader: ArchiveReader, head: str, *, replace: bool
) -> RestoreSummary:
    manifest = reader.manifest
    data_dir = ctx.settings.resolved_data_dir()
    _check_target(ctx, manifest, data_dir, replace=replace)
    staged = data_dir.parent / f".{data_dir.name}.restoring-{uuid.uuid4().hex}"
    folders = _Folders(data_dir, staged)
    try:
        staged.mkdir(parents=True)
        for name, relative in reader.files():
            reader.extract(name, staged.joinpath(*relative.parts))
        expected = {table.name: table.rows for table in manifest.tables}

        def check_and_swap(written: dict[str, int]) -> None:
            if written != expected:
                raise BackupRefused("the rows written differ from the manifest's counts")
            folders.swap()

        if not _initialised(ctx):
            ctx.database.migrate(manifest.alembic_revision)
        rows = restore_rows(
            ctx.database,
            [table.name for table in manifest.tables],
            reader.rows,
            before_commit=check_and_swap,
        )
    except BaseException:
        folders.undo()
        raise
    folders.done()
    upgraded = None
    if manifest.alembic_revision != head:
        upgraded = ctx.database.migrate()[1]
    return RestoreSummary(
        manifest.alembic_revision, upgraded, rows, manifest.files, replaced=replace
    )


def _initialised(ctx: ServiceContext) -> bool:
    return target_state(ctx.database)[0] is not None


def _check_target(
    ctx: ServiceContext, manifest: Manifest, data_dir: Path, *, replace: bool
) -> None:
    revision, counts = target_state(ctx.database)
    if revision is not None and revision != manifest.alembic_revision:
        raise BackupRefused(
            f"the database {ctx.database.display_url} is at schema {revision} and the backup "
            f"at {manifest.alembic_revision}; restore into a new database that `produktlyft "
            "init` has not touched (it is brought to the backup's schema, then upgraded); "
            "nothing was written"
        )
    if replace:
        return
    if counts:
        listed = ", ".join(f"{name} ({count})" for name, count in list(counts.items())[:5])
        raise BackupRefused(
            f"the database {ctx.database.display_url} already holds data: {listed}; restore "
            "into an empty database, or give --replace to delete it and restore the backup "
            "in its place; nothing was written"
        )
    if _stored_files(data_dir, set()):
        raise BackupRefused(
            f"the data folder {data_dir} already holds files; give --replace to put the "
            "backup's in their place; nothing was written"
        )


class _Folders:
    """The data folder swapped for the restored one, and swapped back if the restore fails."""

    def __init__(self, data_dir: Path, staged: Path) -> None:
        self.data_dir = data_dir
        self.staged = staged
        self.old = data_dir.parent / f".{data_dir.name}.replaced-{uuid.uuid4().hex}"
        self.swapped = False

    def swap(self) -> None:
        if self.data_dir.exists():
            self.data_dir.rename(self.old)
            key = self.old / "secret_key"
            if key.is_file():  # sessions signed before the restore stay valid
                shutil.copy2(key, self.staged / "secret_key")
        self.staged.rename(self.data_dir)
        self.swapped = True

    def undo(self) -> None:
        if self.swapped:
            self.data_dir.rename(self.staged)
            if self.old.exists():
                self.old.rename(self.data_dir)
        shutil.rmtree(self.staged, ignore_errors=True)

    def done(self) -> None:
        shutil.rmtree(self.old, ignore_errors=True)
