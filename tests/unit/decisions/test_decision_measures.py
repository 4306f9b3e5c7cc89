"""Measures of the decision register, computed by hand for small registers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from produktlyft.decisions.analysis.measures import by_level, by_quarter, mandate_gap, measure
from produktlyft.decisions.model import (
    Decision,
    DecisionKind,
    DecisionLevel,
    Outcome,
)

DAY = date(2026, 1, 1)


def _d(
    ident: str,
    level: DecisionLevel,
    proposed: int,
    decided: int | None,
    outcome: Outcome = Outcome.APPROVED,
    kind: DecisionKind = DecisionKind.TOOLS,
    team: str = "t1",
) -> Decision:
    return Decision(
        id=ident,
        title=ident,
        team=team,
        kind=kind,
        level=level,
        proposed_on=DAY + timedelta(days=proposed),
        decided_on=None if decided is None else DAY + timedelta(days=decided),
        outcome=outcome if decided is not None or outcome is Outcome.WITHDRAWN else Outcome.PENDING,
    )


REGISTER = [
    _d("a", DecisionLevel.TEAM, 0, 2),
    _d("b", DecisionLevel.TEAM, 0, 4),
    _d("c", DecisionLevel.MANAGEMENT, 0, 30),
    _d("d", DecisionLevel.MANAGEMENT, 10, None),
    _d("e", DecisionLevel.BOARD, 0, None),
    _d("f", DecisionLevel.BOARD, 100, None),
    _d("g", DecisionLevel.MANAGEMENT, 0, None, Outcome.WITHDRAWN),
]
AS_OF = DAY + timedelta(days=120)


def test_overall_measures() -> None:
    m = measure(REGISTER, AS_OF, 90)
    assert (m.proposed, m.decided, m.pending, m.withdrawn) == (7, 3, 3, 1)
    assert m.median_days == 4
    assert m.share_decided_in_team == pytest.approx(2 / 3)
    # older than 90 days and not withdrawn: a, b, c, d, e; of those d and e are undecided
    assert (m.old_enough, m.vanished) == (5, 2)
    assert m.share_vanished == pytest.approx(0.4)


def test_kaplan_meier_counts_the_ones_still_waiting() -> None:
    # decided after 2, 4, 30 days; still waiting after 110, 120, 20 days: the plain median
    # (4) flatters; with the waiting ones counted the median is 30 days
    assert measure(REGISTER, AS_OF, 90).km_median_days == 30


def test_per_level_and_per_quarter() -> None:
    levels = by_level(REGISTER, AS_OF, 90)
    assert levels[DecisionLevel.TEAM].median_days == 3
    assert levels[DecisionLevel.BOARD].decided == 0
    assert levels[DecisionLevel.BOARD].share_vanished == 1.0
    assert levels[DecisionLevel.BOARD].km_median_days is None
    quarters = by_quarter(REGISTER, AS_OF, 90)
    assert list(quarters) == ["2026-Q1", "2026-Q2"]
    assert quarters["2026-Q2"].proposed == 1


def test_mandate_gap() -> None:
    rights = {("t1", DecisionKind.TOOLS): DecisionLevel.TEAM}
    gap = mandate_gap(REGISTER, rights)
    assert gap.escalated_within_mandate == ["c", "d", "e", "f", "g"]
    rights = {("t1", DecisionKind.TOOLS): DecisionLevel.MANAGEMENT}
    assert mandate_gap(REGISTER, rights).decided_beyond_mandate == ["a", "b"]


def test_a_decision_must_be_consistent() -> None:
    with pytest.raises(ValueError, match="decided before it was proposed"):
        _d("x", DecisionLevel.TEAM, 5, 1)
    with pytest.raises(ValueError, match="needs the date"):
        Decision(
            id="x",
            title="x",
            team="t",
            level=DecisionLevel.TEAM,
            proposed_on=DAY,
            outcome=Outcome.APPROVED,
        )
