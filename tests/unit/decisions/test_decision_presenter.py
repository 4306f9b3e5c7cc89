"""The decision register's presenter: its sentences and its figure, in Swedish and English."""

from __future__ import annotations

from datetime import date

from produktlyft.decisions.analysis.measures import MandateGap, Measures
from produktlyft.decisions.model import DecisionLevel
from produktlyft.decisions.presenter import (
    method_note,
    register_paragraphs,
    report_json,
    time_to_decision_figure,
)
from produktlyft.decisions.service import DecisionReport


def _measures(proposed: int, decided: int, median: float | None) -> Measures:
    return Measures(
        proposed=proposed,
        decided=decided,
        pending=proposed - decided,
        withdrawn=0,
        median_days=median,
        km_median_days=None,
        share_decided_in_team=0.25,
        old_enough=4,
        vanished=2,
        share_vanished=0.5,
    )


def _report() -> DecisionReport:
    return DecisionReport(
        as_of=date(2026, 11, 1),
        undecided_after_days=90,
        team=None,
        overall=_measures(10, 6, 41.6),
        levels={
            DecisionLevel.TEAM: _measures(4, 3, 12.0),
            DecisionLevel.BOARD: _measures(6, 3, None),
        },
        quarters={},
        gap=MandateGap(escalated_within_mandate=["d1"]),
        vanished=[],
        decisions=[],
    )


def test_paragraphs_in_english_and_swedish() -> None:
    english = register_paragraphs(_report(), "en")
    assert english[0] == (
        "10 recommendations are recorded. 6 have been decided, in a median of 42 days "
        "(counting those still waiting as well: not yet reached). 25\u00a0% of the decisions "
        "were taken by the team itself."
    )
    assert "2 of the 4 recommendations made more than 90 days ago" in english[1]
    assert "(50\u00a0%)" in english[1]
    assert english[2].startswith("1 recommendations were escalated")
    swedish = register_paragraphs(_report(), "sv")
    assert swedish[0].startswith("10 rekommendationer är registrerade.")
    assert "42 dagar" in swedish[0] and "25\u00a0%" in swedish[0]
    assert "Kaplan–Meier" in method_note(_report(), "sv") and "2026-11-01" in method_note(
        _report(), "en"
    )


def test_the_figure_has_a_bar_per_decided_level_and_a_row_per_level() -> None:
    figure = time_to_decision_figure(_report(), "sv")
    assert figure.svg.startswith("<svg") and figure.table.caption.startswith(
        "Mediantid till beslut"
    )
    assert [row[0] for row in figure.table.rows] == [
        "teamet självt",
        "politisk nämnd eller styrelse",
    ]
    assert figure.table.rows[1][3] == "–"  # no decision yet: no median
    assert figure.table.headers[-1] == "Utan beslut efter 90 dagar"
    english = time_to_decision_figure(_report(), "en")
    assert english.table.headers[0] == "Who decides"


def test_json_keeps_the_cli_keys() -> None:
    document = report_json(_report())
    assert document["n_days"] == 90 and document["levels"]["team"]["decided"] == 3
    assert document["escalated_within_mandate"] == ["d1"]
