"""Wins are drafted from improved pilots once, published only after approval by a role that
may organise, and edits send them back to draft; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from produktlyft.kernel.access import Role
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, PermissionDenied
from produktlyft.outcomes.model import KeyResultStatus
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


def test_achieved_outcome_key_results_are_drafted_once(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the outcomes area's `list_key_results` (imported directly; stood in for here so
    the key results need no measured history): only achieved outcome key results become
    drafts."""
    from produktlyft.wins import service

    assert not hasattr(service, "importlib")  # read directly, not looked up by name

    def KeyResult(
        objective: str,
        text: str,
        team: str,
        quarter: str,
        baseline: float | None,
        target: float | None,
        current: float | None,
        achieved: bool | None,
        verdict: str,
    ) -> KeyResultStatus:
        return KeyResultStatus(
            id=text,
            objective=objective,
            text=text,
            team=team,
            quarter=quarter,
            metric=None,
            baseline=baseline,
            target=target,
            current=current,
            achieved=achieved,
            verdict=verdict,
        )

    results = [
        KeyResult(
            "Faster permits",
            "Cut lead time from 30 to 20 days",
            "Bygglov",
            "2026Q3",
            30,
            20,
            18,
            True,
            "outcome",
        ),
        KeyResult(
            "Faster permits",
            "Launch the new portal",
            "Bygglov",
            "2026Q3",
            None,
            None,
            None,
            True,
            "output",
        ),
        KeyResult(
            "Fewer calls",
            "Cut avoidable calls from 40 % to 25 %",
            "Kundtjänst",
            "2026Q3",
            40,
            25,
            33,
            False,
            "outcome",
        ),
    ]
    monkeypatch.setattr(service, "list_key_results", lambda _ctx: results)
    (draft,) = service.draft_all(ctx)
    assert draft.what_changed == "Cut lead time from 30 to 20 days"
    assert draft.source.value == "key_result" and "18" in draft.outcome
    assert service.draft_all(ctx) == []
