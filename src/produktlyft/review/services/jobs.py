"""A review started from the web app: it runs in the background while its page shows how far
it has come.

The run's state is a small JSON file in the data folder, so every server process
(`serve --workers N`) sees the same run, and starting while one runs joins that run rather
than starting a second. A run whose process died (no progress for a quarter of an hour) is
shown as interrupted and may be started again.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.model import PROFILES
from produktlyft.review.services.run import review

STATE_FILE = "review-run.json"
STALE_AFTER = timedelta(minutes=15)
# The steps `review` reports, in order, so a page can show which are done.
STEPS = ("loading", "end of life", "facts", "scoring", "duplicates", "capabilities", "saving")
log = logging.getLogger(__name__)


@dataclass
class ReviewJob:
    state: str  # running, done, failed
    profile: str
    lang: str
    actor: str
    started_at: datetime
    updated_at: datetime
    step: str | None = None
    done: list[str] = field(default_factory=list)
    run_id: int | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        return self.state == "running"


def _path(ctx: ServiceContext) -> Path:
    return ctx.settings.resolved_data_dir() / STATE_FILE


@contextmanager
def _locked(ctx: ServiceContext) -> Iterator[None]:
    """Serialise starting and updating across threads and server processes."""
    path = _path(ctx).with_suffix(".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(ctx: ServiceContext) -> ReviewJob | None:
    try:
        raw: dict[str, Any] = json.loads(_path(ctx).read_text(encoding="utf-8"))
        raw["started_at"] = datetime.fromisoformat(raw["started_at"])
        raw["updated_at"] = datetime.fromisoformat(raw["updated_at"])
        return ReviewJob(**raw)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(ctx: ServiceContext, job: ReviewJob) -> None:
    path = _path(ctx)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_text(json.dumps(asdict(job), default=str), encoding="utf-8")
    os.replace(temporary, path)  # readers see the old state or the new, never half of one


def _interrupted(ctx: ServiceContext, job: ReviewJob) -> ReviewJob:
    if job.running and ctx.now() - job.updated_at > STALE_AFTER:
        job.state, job.error = "failed", "interrupted"
    return job


def review_job(ctx: ServiceContext) -> ReviewJob | None:
    """The review started last from the web app (running or finished), or None."""
    ctx.actor.require(Permission.READ)
    job = _read(ctx)
    return _interrupted(ctx, job) if job else None


def start_review(
    ctx: ServiceContext, profile: str = "custom", lang: str | None = None
) -> ReviewJob:
    """Start a review in the background, or return the one already running."""
    ctx.actor.require(Permission.ANALYSE)
    if profile not in PROFILES:
        raise ProduktlyftError(f"unknown profile '{profile}'; choose one of {', '.join(PROFILES)}")
    ctx.database.require_current()
    with _locked(ctx):
        current = _read(ctx)
        if current is not None and _interrupted(ctx, current).running:
            return current
        now = ctx.now()
        job = ReviewJob(
            state="running",
            profile=profile,
            lang=lang or ctx.settings.default_language,
            actor=ctx.actor.name,
            started_at=now,
            updated_at=now,
        )
        _write(ctx, job)
    worker = threading.Thread(target=_run, args=(ctx, job), name="review", daemon=True)
    worker.start()
    return job


def _run(ctx: ServiceContext, job: ReviewJob) -> None:
    def progress(step: str) -> None:
        if job.step is not None and job.step not in job.done:
            job.done.append(job.step)
        job.step, job.updated_at = step, ctx.now()
        with _locked(ctx):
            _write(ctx, job)

    try:
        run_id, _ = review(ctx, job.profile, lang=job.lang, progress=progress)
        job.state, job.run_id = "done", run_id
        job.done = list(STEPS)
    except ProduktlyftError as error:
        job.state, job.error = "failed", str(error)
    except Exception:  # the page must say it failed; the details belong in the server log
        log.exception("the review started from the web app failed")
        job.state, job.error = "failed", "unexpected"
    job.step, job.updated_at = None, ctx.now()
    with _locked(ctx):
        _write(ctx, job)
