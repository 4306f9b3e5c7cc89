"""The audit log for administrators: one page at a time, filtered by kind of event, person
and calendar days in the organisation's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from zoneinfo import ZoneInfo

from produktlyft.accounts.audit_repository import AuditLogRepository
from produktlyft.accounts.model import AuditPage, AuditQuery
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext


def audit_page(ctx: ServiceContext, query: AuditQuery) -> AuditPage:
    """One page of the audit log, newest first, filtered by kind of event, person and days
    (calendar days in the organisation's time zone)."""
    ctx.actor.require(Permission.ADMINISTER)
    zone = ZoneInfo(ctx.settings.time_zone)
    # The bounds go to the database in UTC: SQLite keeps the stored UTC text and drops a bound's
    # zone, so a local midnight would be compared as if it were UTC (seen at 00:33 in Stockholm).
    start = _utc_midnight(query.since, zone) if query.since else None
    end = _utc_midnight(query.until + timedelta(days=1), zone) if query.until else None
    size = ctx.settings.page_size
    with ctx.database.reading() as uow:
        repo = uow.repo(AuditLogRepository)
        total = repo.count(query.kind, query.actor, start, end)
        pages = max(1, -(-total // size))
        page = min(query.page, pages)
        changes = repo.page(
            query.kind, query.actor, start, end, limit=size, offset=(page - 1) * size
        )
    return AuditPage(changes=changes, total=total, page=page, pages=pages, query=query)


def _utc_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The start of a calendar day in the organisation's zone, as a UTC moment."""
    return datetime.combine(day, dt_time(), zone).astimezone(UTC)
