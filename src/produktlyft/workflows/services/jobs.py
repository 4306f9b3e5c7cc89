"""Event-log imports that run in the background, so the web app can show their progress.

An upload is copied to disk as it streams in (event logs can be gigabytes), then imported by
`import_event_log` on a worker thread, which reports each stage through the progress callback.
The jobs live in this process: the page polling a job must be served by the process that
runs it (the default single-process server does).
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import (
    WRITE_ERRNOS,
    InvalidInput,
    Issue,
    NotFound,
    ProduktlyftError,
    Wording,
    wording,
)
from produktlyft.workflows.services.logs import ImportOptions, event_log_files, import_event_log

log = logging.getLogger("produktlyft.workflows")
_SAFE_NAME = re.compile(r"[^\w.\- ]+")
_CHUNK = 1 << 20


@dataclass
class ImportJob:
    id: str
    owner: str
    file: str
    stage: str = "waiting"
    fraction: float = 0.0
    done: bool = False
    log_name: str | None = None
    error: str | Wording | None = None  # a Wording where the page can translate it
    issues: list[Issue] = field(default_factory=list)

    def report(self, stage: str, fraction: float) -> None:
        self.stage, self.fraction = stage, fraction


_JOBS: dict[str, ImportJob] = {}
_LOCK = threading.Lock()


def stage_eventlog_upload(ctx: ServiceContext, filename: str, stream: BinaryIO) -> Path:
    """Copy an uploaded event log to disk chunk by chunk, refusing it past the size limit."""
    ctx.actor.require(Permission.IMPORT)
    folder = event_log_files(ctx).root / ".uploads" / secrets.token_urlsafe(16)
    folder.mkdir(parents=True)
    name = _SAFE_NAME.sub("_", Path(filename or "upload").name).strip() or "upload"
    path, written = folder / name, 0
    with path.open("wb") as target:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > ctx.settings.max_eventlog_bytes:
                target.close()
                shutil.rmtree(folder, ignore_errors=True)
                raise InvalidInput(
                    [
                        Issue.worded(
                            wording(
                                "the file is over the limit of {limit} bytes",
                                limit=f"{ctx.settings.max_eventlog_bytes:,}",
                            ),
                            file=name,
                        )
                    ],
                    wording("the file is too large"),
                )
            target.write(chunk)
    return path


def _run(ctx: ServiceContext, job: ImportJob, path: Path, options: ImportOptions) -> None:
    try:
        info = import_event_log(ctx, path, options, job.report)
        job.log_name = info.name
    except InvalidInput as error:
        job.error, job.issues = error.summary_wording or error.summary, list(error.issues)
    except ProduktlyftError as error:
        job.error = str(error)
    except Exception as error:
        job.error = _failure(error)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
        job.done = True


def _failure(error: Exception) -> Wording:
    """A full disk or a read-only folder is the operator's to fix (the log names the path);
    anything else is a bug: the page says so, as the CLI would."""
    if isinstance(error, OSError) and error.errno in WRITE_ERRNOS:
        log.error("storage problem: %s", error)
        return wording(
            "the server's disk is full or its storage is read-only; nothing was imported"
        )
    return wording("internal error ({kind}); nothing was imported", kind=type(error).__name__)


def start_import(ctx: ServiceContext, path: Path, options: ImportOptions) -> ImportJob:
    """Import a staged file on a worker thread; poll `import_job` for its progress."""
    ctx.actor.require(Permission.IMPORT)
    job = ImportJob(id=secrets.token_urlsafe(16), owner=ctx.actor.name, file=path.name)
    with _LOCK:
        _JOBS[job.id] = job
    threading.Thread(
        target=_run,
        args=(ctx, job, path, options),
        daemon=True,
        name=f"eventlog-import-{job.id[:6]}",
    ).start()
    return job


def import_job(ctx: ServiceContext, job_id: str) -> ImportJob:
    ctx.actor.require(Permission.IMPORT)
    job = _JOBS.get(job_id)
    if job is None or job.owner != ctx.actor.name:
        raise NotFound("no such import; it may have finished before the server restarted")
    return job
