"""The endoflife.date snapshot: which one is in use, and refreshing it."""

from __future__ import annotations

import io
import tarfile
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.importers.endoflife import SHIPPED, install_snapshot, open_release_source


@dataclass(frozen=True)
class SnapshotInfo:
    folder: Path
    snapshot_date: date
    products: int
    shipped: bool


def snapshot_info(ctx: ServiceContext) -> SnapshotInfo:
    ctx.actor.require(Permission.READ)
    source = open_release_source(ctx.settings.resolved_data_dir())
    return SnapshotInfo(
        source.folder, source.snapshot_date, len(source.product_ids()), source.folder == SHIPPED
    )


def update_snapshot(
    ctx: ServiceContext,
    *,
    from_path: Path | None = None,
    url: str | None = None,
    snapshot_date: date | None = None,
) -> SnapshotInfo:
    """Install release data from a local copy of endoflife-date/release-data (the folder, or its
    `releases/`), or download a .zip/.tar.gz of it. The shipped snapshot stays as fallback."""
    ctx.actor.require(Permission.IMPORT)
    if (from_path is None) == (url is None):
        raise ProduktlyftError("give exactly one of --from PATH or --url URL")
    when = snapshot_date or ctx.now().date()
    data_dir = ctx.settings.resolved_data_dir()
    if from_path is not None:
        if not from_path.is_dir():
            raise ProduktlyftError(f"{from_path} is not a folder")
        install_snapshot(from_path, data_dir, when, str(from_path))
    else:
        assert url is not None
        with tempfile.TemporaryDirectory(prefix="endoflife-") as folder:
            root = _download_and_unpack(url, Path(folder), ctx.settings.max_unpacked_bytes)
            install_snapshot(root, data_dir, when, url)
    return snapshot_info(ctx)


def _download_and_unpack(url: str, folder: Path, max_bytes: int) -> Path:
    if not url.startswith(("https://", "http://", "file://")):
        raise ProduktlyftError("the URL must start with https://, http:// or file://")
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read(max_bytes + 1)
    except OSError as error:
        raise ProduktlyftError(f"cannot download {url}: {error}") from error
    if len(data) > max_bytes:
        raise ProduktlyftError(f"{url} is larger than {max_bytes} bytes")
    members: dict[str, bytes] = {}
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > max_bytes:
                raise ProduktlyftError("the archive unpacks to more than the allowed size")
            members = {
                i.filename: archive.read(i)
                for i in archive.infolist()
                if i.filename.endswith(".json") and "/releases/" in f"/{i.filename}"
            }
    else:
        try:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
                for info in archive.getmembers():
                    name = info.name
                    if info.isfile() and name.endswith(".json") and "/releases/" in f"/{name}":
                        extracted = archive.extractfile(info)
                        members[name] = extracted.read() if extracted else b""
        except tarfile.TarError as error:
            raise ProduktlyftError(f"{url} is neither a zip nor a tar archive") from error
    target = folder / "releases"
    target.mkdir()
    for name, content in members.items():
        (target / PurePosixPath(name).name).write_bytes(content)  # flat: no path traversal
    return folder
