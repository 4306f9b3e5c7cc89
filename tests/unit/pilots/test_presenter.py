"""Every reason and threat code the analysis can give is worded in Swedish and English."""

from __future__ import annotations

import pytest

from produktlyft.pilots.model import Evaluation, Finding, Method, Verdict
from produktlyft.pilots.presenter import MESSAGES, effect_text, finding_text, verdict_text

CODES = {
    "too_few_points": {"pre": "3", "post": "2"},
    "non_parallel_pre_trends": {"slope": "0.2", "p": "0.010"},
    "novelty": {"post": "4"},
    "regression_to_the_mean": {"basis": "comparison"},
    "other_changes": {"events": "2026-05-18 new server"},
    "interval_above_zero": {},
    "smaller_than_min_effect": {"min_effect": "12"},
    "interval_below_zero": {},
    "interval_within_min": {"min_effect": "12"},
    "interval_too_wide": {"min_effect": "12"},
}


def test_the_codes_are_the_presenters() -> None:
    assert set(CODES) == set(MESSAGES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_is_worded_in_both_languages(code: str) -> None:
    finding = Finding(code=code, params=CODES[code])
    swedish, english = finding_text(finding, "sv"), finding_text(finding, "en")
    assert swedish != english and "{" not in swedish + english
    for value in CODES[code].values():
        if code != "regression_to_the_mean":
            assert value in swedish and value in english


@pytest.mark.parametrize("verdict", list(Verdict))
def test_verdicts_and_effects_are_worded(verdict: Verdict) -> None:
    evaluation = Evaluation(
        pilot_id="p",
        method=Method.DID,
        effect=-30.25,
        ci_low=-40.5,
        ci_high=-20.0,
        p_value=0.001,
        verdict=verdict,
    )
    assert verdict_text(evaluation, "sv") != verdict_text(evaluation, "en")
    assert "95 %-intervall" in effect_text(evaluation, "sv")
    assert "95 % interval" in effect_text(evaluation, "en")
