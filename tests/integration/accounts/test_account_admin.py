"""Account administration and the audit-log page query, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from produktlyft.accounts.audit import audit_page
from produktlyft.accounts.model import AuditKind, AuditQuery, LoginRefused
from produktlyft.accounts.service import (
    add_user,
    reset_password,
    set_disabled,
    sign_in,
)
from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput

PASSWORD = "correct-horse-battery"


def test_reset_and_disable_end_sessions_and_are_audit_logged(ctx: ServiceContext) -> None:
    account = add_user(ctx, "kajsa", Role.EDITOR, PASSWORD)
    reset_password(ctx, "kajsa", "another-long-password")
    with pytest.raises(LoginRefused):
        sign_in(ctx, "kajsa", PASSWORD, "127.0.0.1")
    set_disabled(ctx, "kajsa", True)
    with pytest.raises(LoginRefused):
        sign_in(ctx, "kajsa", "another-long-password", "127.0.0.2")
    set_disabled(ctx, "kajsa", False)
    assert sign_in(ctx, "kajsa", "another-long-password", "127.0.0.3").session_generation == (
        account.session_generation + 3
    )
    with pytest.raises(InvalidInput):
        set_disabled(ctx, ctx.actor.name, True)  # not one's own account
    changes = audit_page(ctx, AuditQuery(kind=AuditKind.CHANGES, actor="tester"))
    assert [sorted(c.changes) for c in changes.changes] == [
        ["disabled"],
        ["disabled"],
        ["password"],
        ["role"],
    ]
    failed = audit_page(ctx, AuditQuery(kind=AuditKind.FAILED_SIGN_INS))
    assert failed.total == 2
    today = ctx.today()
    assert audit_page(ctx, AuditQuery(until=today - timedelta(days=1))).total == 0
    assert audit_page(ctx, AuditQuery(since=today - timedelta(days=1))).total == 7


class _LateEvening(ServiceContext):
    """23:33 UTC: already the next calendar day in Stockholm (CI met this at 00:33 local)."""

    def now(self) -> datetime:
        return datetime(2026, 12, 2, 23, 33, tzinfo=UTC)


def test_day_filters_use_the_organisations_calendar_day_on_every_database(
    ctx: ServiceContext,
) -> None:
    late = _LateEvening(ctx.database, ctx.actor, ctx.settings, ctx.caches)
    add_user(late, "nattuggla", Role.VIEWER, PASSWORD)
    assert late.today() == date(2026, 12, 3)
    people = AuditQuery(kind=AuditKind.CHANGES, actor="tester")
    assert audit_page(late, people.model_copy(update={"until": date(2026, 12, 2)})).total == 0
    assert audit_page(late, people.model_copy(update={"since": date(2026, 12, 3)})).total == 1
    assert audit_page(late, people.model_copy(update={"until": date(2026, 12, 3)})).total == 1
