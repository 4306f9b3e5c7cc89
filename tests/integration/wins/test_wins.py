"""Wins are drafted from improved pilots once, published only after approval by a role that
may organise, and edits send them back to draft; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, PermissionDenied
from produktlyft.wins.model import Status
from produktlyft.wins.service import (
    approve,
    draft_from_pilots,
    list_wins,
    published_wins,
    reject,
    save_draft,
)
from tests.conftest import make_context
from tests.support.pilots import evaluated_pilot


def test_draft_approve_publish(ctx: ServiceContext) -> None:
    evaluated_pilot(ctx)
    (draft,) = draft_from_pilots(ctx)
    assert draft_from_pilots(ctx) == []  # once per pilot
    assert draft.status is Status.DRAFT and draft.source_ref == "lead-time"
    assert "95" in draft.outcome and published_wins(ctx) == []
    editor = make_context(ctx.database, Role.EDITOR, "edith")
    with pytest.raises(PermissionDenied):
        approve(editor, draft.id)
    published = approve(ctx, draft.id)
    assert published.status is Status.APPROVED and published.decided_by == ctx.actor.name
    assert [w.id for w in published_wins(ctx)] == [draft.id]
    with pytest.raises(InvalidInput):
        reject(ctx, draft.id)  # only drafts are decided
    save_draft(editor, published.model_copy(update={"title": "Shorter lead time"}))
    assert published_wins(ctx) == []  # an edit needs approval again
    assert [w.status for w in list_wins(ctx)] == [Status.DRAFT]
