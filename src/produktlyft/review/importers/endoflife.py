"""Read endoflife.date release data (the `releases/*.json` scraper output) from a folder.

The shipped snapshot lives in `produktlyft/review/data/endoflife/`; `produktlyft eol update`
writes a newer copy into the data folder. Products are parsed on first use, so a review reads
only the few dozen files its technology components need.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.analysis.endoflife import Milestone, ProductReleases, ReleaseCycle

SHIPPED = Path(str(resources.files("produktlyft.review.data") / "endoflife"))


def _date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _milestone(value: Any) -> Milestone:
    if isinstance(value, bool):
        return value
    return _date(value)


def parse_product(product_id: str, document: Mapping[str, Any]) -> ProductReleases:
    cycles = {
        str(key): ReleaseCycle(
            name=str(key),
            release_date=_date(raw.get("releaseDate")),
            eol=_milestone(raw.get("eol")),
            eoas=_milestone(raw.get("eoas")),
            eoes=_milestone(raw.get("eoes")),
        )
        for key, raw in (document.get("releases") or {}).items()
        if isinstance(raw, Mapping)
    }
    versions = {
        str(key): found
        for key, raw in (document.get("versions") or {}).items()
        if isinstance(raw, Mapping) and (found := _date(raw.get("date"))) is not None
    }
    return ProductReleases(product_id, cycles, versions)


class DirectoryReleaseSource:
    """Release data in `<folder>/releases/<product>.json`, with `snapshot.json` and aliases."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        releases = folder / "releases"
        if not releases.is_dir():
            raise ProduktlyftError(f"{folder} holds no endoflife.date 'releases' folder")
        self._files = {path.stem: path for path in releases.glob("*.json")}
        self._cache: dict[str, ProductReleases | None] = {}
        manifest = _read_json(folder / "snapshot.json") or {}
        self.snapshot_date = _date(manifest.get("snapshot_date")) or date.fromtimestamp(
            max((p.stat().st_mtime for p in self._files.values()), default=0)
        )
        self.commit = str(manifest.get("commit") or "")
        self.origin = str(manifest.get("origin") or folder)
        aliases = _read_json(folder / "aliases.json") or _read_json(SHIPPED / "aliases.json")
        self.aliases: Mapping[str, str] = {str(k): str(v) for k, v in (aliases or {}).items()}

    def product_ids(self) -> frozenset[str]:
        return frozenset(self._files)

    def product(self, product_id: str) -> ProductReleases | None:
        if product_id not in self._cache:
            path = self._files.get(product_id)
            document = _read_json(path) if path else None
            self._cache[product_id] = (
                parse_product(product_id, document) if isinstance(document, Mapping) else None
            )
        return self._cache[product_id]


def _read_json(path: Path | None) -> Any:
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def user_snapshot_dir(data_dir: Path) -> Path:
    return data_dir / "endoflife"


def open_release_source(data_dir: Path | None) -> DirectoryReleaseSource:
    """The user's refreshed copy when there is one, else the shipped snapshot."""
    if data_dir is not None and (user_snapshot_dir(data_dir) / "releases").is_dir():
        return DirectoryReleaseSource(user_snapshot_dir(data_dir))
    return DirectoryReleaseSource(SHIPPED)


def install_snapshot(source: Path, data_dir: Path, snapshot_date: date, origin: str) -> int:
    """Copy a release-data folder (or its `releases/` subfolder) into the data folder, checking
    every file parses first; the old copy is replaced only when the new one is complete."""
    releases = source / "releases" if (source / "releases").is_dir() else source
    files = sorted(releases.glob("*.json"))
    if not files:
        raise ProduktlyftError(f"{source} holds no endoflife.date release files (*.json)")
    bad = [f.name for f in files if not isinstance(_read_json(f), Mapping)]
    if bad:
        raise ProduktlyftError(
            f"{len(bad)} file(s) in {releases} are not valid release data, "
            f"e.g. {', '.join(bad[:3])}; nothing was changed"
        )
    target = user_snapshot_dir(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="endoflife-", dir=target.parent))
    (staging / "releases").mkdir()
    for path in files:
        shutil.copyfile(path, staging / "releases" / path.name)
    for extra in ("LICENSE.txt", "LICENSE"):
        if (source / extra).is_file():
            shutil.copyfile(source / extra, staging / "LICENSE.txt")
            break
    else:
        shutil.copyfile(SHIPPED / "LICENSE.txt", staging / "LICENSE.txt")
    manifest = {
        "name": "endoflife.date release data",
        "origin": origin,
        "snapshot_date": snapshot_date.isoformat(),
        "licence": "MIT",
        "products": len(files),
    }
    (staging / "snapshot.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return len(files)
