"""Attach evidence to a system: a CycloneDX SBOM, or a git repository to measure."""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, NotFound, ProduktlyftError
from produktlyft.kernel.files.safety import check_size
from produktlyft.review.analysis.sbom import (
    SbomError,
    SnapshotDating,
    date_components,
    parse_sbom,
    summarise_sbom,
)
from produktlyft.review.importers.endoflife import SHIPPED, open_release_source
from produktlyft.review.importers.git_repo import RepositoryError, analyse_repository, is_url
from produktlyft.review.model import Evidence, EvidenceKind
from produktlyft.review.repository import ReviewRepository


def _require_system(ctx: ServiceContext, system_id: str) -> str:
    with ctx.database.reading() as uow:
        found = uow.repo(InventoryRepository).systems([system_id])
    if not found:
        raise NotFound(
            f"no system with id '{system_id}'; `produktlyft export -f json` lists the ids"
        )
    return found[0].name


def sbom_facts(data: bytes, data_dir: Path | None, today: date) -> dict[str, Any]:
    table = json.loads((SHIPPED / "purl_products.json").read_text(encoding="utf-8"))
    dating = SnapshotDating(open_release_source(data_dir), table)
    sbom = date_components(parse_sbom(data), dating)
    summary = summarise_sbom(sbom, today)
    unapplied = [
        c.oldest_unapplied_date for c in sbom.components if c.oldest_unapplied_date and c.libyear
    ]
    return {
        **summary.as_dict(),
        "sbom_components": summary.components,
        "libyear_coverage": round(summary.coverage, 3),
        "oldest_unapplied_date": min(unapplied).isoformat() if unapplied else None,
        "spec_version": sbom.spec_version,
        "format": sbom.fmt,
        "subject": sbom.subject,
        "sbom_date": sbom.timestamp.isoformat() if sbom.timestamp else None,
        "dated_from": sorted({c.dates_from for c in sbom.components if c.dates_from}),
    }


def attach_sbom(
    ctx: ServiceContext, system_id: str, path: Path, location: str | None = None
) -> Evidence:
    """Read and summarise an SBOM, keep a copy beside the database, and store its facts.
    `location` says where it came from when that is not the path (an upload)."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    _require_system(ctx, system_id)
    if not path.is_file():
        raise NotFound(f"no such file: {path}")
    check_size(path, ctx.settings.max_import_bytes)
    data_dir = ctx.settings.resolved_data_dir()
    try:
        facts = sbom_facts(path.read_bytes(), data_dir, ctx.now().date())
    except SbomError as error:
        raise InvalidInput(
            [Issue(file=path.name, message=str(error))], "the SBOM was not attached"
        ) from error
    target = data_dir / "evidence" / _safe(system_id) / f"sbom-{_safe(path.name)}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    evidence = Evidence(
        system_id=system_id,
        kind=EvidenceKind.SBOM,
        location=location or str(path),
        label=path.name,
        attached_at=ctx.now(),
        attached_by=ctx.actor.name,
        facts=facts,
        stored_path=str(target),
    )
    with ctx.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).attach(evidence)
    return evidence


def attach_sbom_upload(
    ctx: ServiceContext, system_id: str, filename: str, content: bytes
) -> Evidence:
    """An SBOM sent through the web app: checked like a file, kept under its own name."""
    ctx.actor.require(Permission.IMPORT)
    if len(content) > ctx.settings.max_import_bytes:
        raise ProduktlyftError(
            f"the file is larger than the limit of {ctx.settings.max_import_bytes:,} bytes"
        )
    name = _safe(Path(filename or "sbom.json").name)
    folder = ctx.settings.resolved_data_dir() / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as staging:
        path = Path(staging) / name
        path.write_bytes(content)
        return attach_sbom(ctx, system_id, path, location=f"upload: {name}")


# Clone URLs the web app accepts: a server-side path or file:// URL would let a web user read
# folders on the server, so those stay with the command line (run by whoever holds the files).
_WEB_REPOSITORY = re.compile(r"^(https|ssh)://[\w.]")
_NOT_ATTACHED = "the repository was not attached"
_UNREADABLE = "the repository could not be read"
_log = logging.getLogger(__name__)


def _listed_host(url: str, hosts: list[str]) -> bool:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    return host is not None and host in {listed.strip().lower() for listed in hosts}


def attach_repo_url(
    ctx: ServiceContext, system_id: str, url: str, window_days: int = 365
) -> Evidence:
    """`attach_repo` for the web app: only https:// and ssh:// clone URLs whose host is listed
    in the repository_hosts setting, checked before git runs, so nobody can make the server
    reach other addresses; a failure reads the same whatever git said (the detail goes to the
    server's log), so the answer tells nothing about hosts and ports."""
    ctx.actor.require(Permission.IMPORT)
    url = url.strip()
    if _WEB_REPOSITORY.match(url) and not _listed_host(url, ctx.settings.repository_hosts):
        raise InvalidInput(
            [
                Issue(
                    file="repository",
                    message=(
                        "clone URLs are accepted only from the hosts an administrator lists in "
                        "PRODUKTLYFT_REPOSITORY_HOSTS, and this one is not listed"
                    ),
                )
            ],
            _NOT_ATTACHED,
        )
    if not _WEB_REPOSITORY.match(url):
        raise InvalidInput(
            [
                Issue(
                    file="repository",
                    message=(
                        "give a clone URL starting with https:// or ssh://; a folder on the server "
                        "can be attached with `produktlyft attach repo`"
                    ),
                )
            ],
            _NOT_ATTACHED,
        )
    try:
        return attach_repo(ctx, system_id, url, window_days, follow_redirects=False)
    except RepositoryError as error:
        _log.warning("attaching %s to %s failed: %s", url, system_id, error)
        raise ProduktlyftError(_UNREADABLE) from None


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:120] or "x"


def attach_repo(
    ctx: ServiceContext,
    system_id: str,
    location: str,
    window_days: int = 365,
    *,
    follow_redirects: bool = True,
) -> Evidence:
    """Measure a repository's code health now and store the facts (not the code). The command
    line's use case: a local folder or any clone URL, for the server's operator, who may run
    git there anyway; the web app goes through `attach_repo_url`."""
    ctx.actor.require(Permission.IMPORT)
    ctx.database.require_current()
    _require_system(ctx, system_id)
    if window_days < 1:
        raise ProduktlyftError("the window must be at least one day")
    if not is_url(location):
        location = str(Path(location).expanduser().resolve())
    health = analyse_repository(
        location, ctx.now().date(), window_days, follow_redirects=follow_redirects
    )
    facts = health.as_dict()
    facts["hotspots"] = facts["hotspots"][:10]
    label = location.rstrip("/").rsplit("/", 1)[-1] or location
    evidence = Evidence(
        system_id=system_id,
        kind=EvidenceKind.REPO,
        location=location,
        label=label,
        attached_at=ctx.now(),
        attached_by=ctx.actor.name,
        facts=facts,
    )
    with ctx.database.unit_of_work() as uow:
        uow.repo(ReviewRepository).attach(evidence)
    return evidence


def list_evidence(ctx: ServiceContext, system_id: str | None = None) -> list[Evidence]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(ReviewRepository).evidence(system_id)
