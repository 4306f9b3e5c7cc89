"""Uploaded files waiting between the dry-run preview and the confirmed import.

Each upload gets a random key; only the session that uploaded it knows the key. Files older
than a day are removed whenever a new one arrives.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import NotFound, ProduktlyftError

KEEP_SECONDS = 24 * 3600
_KEY = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
_SAFE_NAME = re.compile(r"[^\w.\- ]+")


def _root(ctx: ServiceContext) -> Path:
    return ctx.settings.resolved_data_dir() / "uploads"


def stage_upload(ctx: ServiceContext, filename: str, content: bytes) -> tuple[str, Path]:
    """Keep an uploaded file under a new key; return the key and the file's path."""
    ctx.actor.require(Permission.IMPORT)
    if len(content) > ctx.settings.max_import_bytes:
        raise ProduktlyftError(
            f"the file is larger than the limit of {ctx.settings.max_import_bytes:,} bytes"
        )
    root = _root(ctx)
    _remove_old(root)
    key = secrets.token_urlsafe(24)
    name = _SAFE_NAME.sub("_", Path(filename or "upload").name).strip() or "upload"
    folder = root / key
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(content)
    return key, path


def staged_file(ctx: ServiceContext, key: str) -> Path:
    ctx.actor.require(Permission.IMPORT)
    folder = _root(ctx) / key
    files = sorted(folder.iterdir()) if _KEY.match(key) and folder.is_dir() else []
    if not files:
        raise NotFound("the uploaded file is no longer waiting; upload it again")
    return files[0]


def discard(ctx: ServiceContext, key: str) -> None:
    ctx.actor.require(Permission.IMPORT)
    if _KEY.match(key):
        shutil.rmtree(_root(ctx) / key, ignore_errors=True)


def _remove_old(root: Path) -> None:
    if not root.is_dir():
        return
    limit = time.time() - KEEP_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
