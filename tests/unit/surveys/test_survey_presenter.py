"""The survey presenter: the report's first-page sentence, the change sentences and the
round page's chart, in Swedish and English; a hidden organisation gives no sentence."""

from __future__ import annotations

from produktlyft.surveys import presenter
from produktlyft.surveys.model import ScaleResult
from produktlyft.surveys.services.culture_summary import CultureSummary


def _scale(code: str, name: str, mean: float, points: int = 7) -> ScaleResult:
    return ScaleResult(
        code=code,
        name=name,
        points=points,
        suppressed=False,
        n=40,
        mean=mean,
        ci_low=mean - 0.3,
        ci_high=mean + 0.3,
    )


def _summary(respondents: int | None = 40) -> CultureSummary:
    return CultureSummary(
        round_id="r2",
        round_title="Hösten",
        scales=[
            _scale("westrum", "Westrum", 5.14),
            _scale("psych-safety", "Psychological safety", 5.26),
            _scale("readiness-legacy", "Legacy", 3.2, points=5),
            _scale("readiness-culture", "Culture", 3.9, points=5),
        ],
        changes={"westrum": (0.456, 0.0482), "psych-safety": (-0.1, None)},
        respondents=respondents,
    )


def test_the_first_page_sentence_in_both_languages() -> None:
    assert presenter.culture_story(_summary(), "en") == (
        "The culture survey «Hösten» (40 answers) puts the organisation at 5.1 of 7 for a "
        "generative culture and 5.3 of 7 for psychological safety; readiness is lowest for "
        "legacy systems and processes."
    )
    swedish = presenter.culture_story(_summary(), "sv")
    assert swedish is not None
    assert "5,1 av 7" in swedish and "äldre system och arbetssätt" in swedish
    assert presenter.culture_story(_summary(respondents=None), "sv") is None


def test_changes_say_whether_they_are_more_than_chance() -> None:
    english = presenter.culture_changes(_summary(), "en")
    assert english == [
        "Westrum rose by 0.46 points since the round before, more than chance alone would "
        "give (p = 0.048).",
        "Psychological safety fell by 0.10 points since the round before.",
    ]
    swedish = presenter.culture_changes(_summary(), "sv")
    assert "0,46 poäng" in swedish[0] and "(p = 0,048)" in swedish[0]


def test_readiness_figure_names_the_challenges_in_the_language() -> None:
    figure = presenter.readiness_figure(_summary(), "sv")
    assert figure is not None and figure.svg.startswith("<svg")
    assert [row[0] for row in figure.table.rows] == [
        "Äldre system och arbetssätt",
        "Kultur och förhållningssätt",
    ]
    english = presenter.readiness_figure(_summary(), "en")
    assert english is not None and english.table.rows[0][2] == "3.2"
