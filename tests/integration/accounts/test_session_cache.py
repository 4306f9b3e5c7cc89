"""The signed-in person's account is kept a few seconds in the process's cache registry: a
change made elsewhere shows within that while, one made here at once."""

from __future__ import annotations

import pytest

from produktlyft.accounts import service
from produktlyft.accounts.repository import AccountRepository
from produktlyft.accounts.service import account_for_session, add_user, set_role
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from tests.conftest import make_context


def test_a_role_changed_here_takes_effect_at_once(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]  # the process's monotonic clock, held still so the test reads no time
    monkeypatch.setattr(service.time, "monotonic", lambda: clock[0])
    ctx = make_context(database)
    add_user(ctx, "anna", Role.VIEWER, password="ett långt lösenord")
    first = account_for_session(database, "anna", ctx.caches)
    assert first is not None and first.role is Role.VIEWER
    with database.unit_of_work() as uow:  # as another server process would
        uow.repo(AccountRepository).set_role("anna", Role.EDITOR)
    kept = account_for_session(database, "anna", ctx.caches)
    assert kept is not None and kept.role is Role.VIEWER  # within the few seconds
    clock[0] += service.SESSION_RECHECK_SECONDS
    later = account_for_session(database, "anna", ctx.caches)
    assert later is not None and later.role is Role.EDITOR  # after them
    set_role(ctx, "anna", Role.ANALYST)
    now = account_for_session(database, "anna", ctx.caches)
    assert now is not None and now.role is Role.ANALYST


def test_an_unknown_name_has_no_account(database: Database) -> None:
    ctx = make_context(database)
    assert account_for_session(database, "nobody", ctx.caches) is None
