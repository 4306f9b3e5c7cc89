"""The instruments carry the exact published wording, the right scales and reverse items."""

from __future__ import annotations

import pytest

from produktlyft.kernel.errors import NotFound
from produktlyft.surveys.analysis.stats import family_specs
from produktlyft.surveys.instruments import (
    ALL_VERSIONS,
    COMPETENCE,
    PRELIMINARY,
    PSYCH_SAFETY,
    READINESS,
    SERVICE_STANDARD,
    WELLBEING,
    WESTRUM,
    Challenge,
    Remedy,
    instrument,
)

WESTRUM_WORDING = [
    "Cross-functional collaboration is encouraged and rewarded.",
    "New ideas are welcomed.",
    "Failures are treated primarily as opportunities to improve the system.",
    "Information is actively sought.",
    "Messengers are not punished when they deliver news of failures or other bad news.",
    "Responsibilities are shared.",
]


def test_westrum_is_six_items_on_seven_points_with_the_dora_wording() -> None:
    assert [item.text.en for item in WESTRUM.items] == WESTRUM_WORDING
    assert {item.answers.points for item in WESTRUM.items} == {7}
    assert all(item.answers.skip_label is not None for item in WESTRUM.items)
    assert [s.code for s in WESTRUM.scales] == ["westrum"]


def test_psychological_safety_reverses_items_one_three_and_five() -> None:
    assert len(PSYCH_SAFETY.items) == 7
    reversed_numbers = [n for n, item in enumerate(PSYCH_SAFETY.items, 1) if item.reverse]
    assert reversed_numbers == [1, 3, 5]
    assert PSYCH_SAFETY.items[0].text.en == (
        "If you make a mistake on this team, it is often held against you."
    )
    assert PSYCH_SAFETY.items[0].scored(7) == 1 and PSYCH_SAFETY.items[1].scored(7) == 7


def test_wellbeing_has_four_burnout_items_and_job_satisfaction() -> None:
    families = WELLBEING.families()
    assert len(families["burnout"]) == 4
    assert len(families["job-satisfaction"]) == 1
    burnout = next(s for s in WELLBEING.scales if s.code == "burnout")
    assert burnout.higher_is_better is False


def test_readiness_covers_four_challenges_with_remedies_the_product_offers() -> None:
    families = READINESS.families()
    assert set(families) == {f"readiness-{c.value}" for c in Challenge}
    assert all(4 <= len(items) <= 6 for items in families.values())
    assert all(item.remedy in Remedy for item in READINESS.items)
    used = {item.remedy for item in READINESS.items}
    assert {
        Remedy.RUN_REVIEW,
        Remedy.START_PILOT,
        Remedy.CHECK_CONTRACT_SLICES,
        Remedy.PUBLISH_WIN,
        Remedy.MEASURE_AGAIN,
    } <= used


def test_service_standard_has_fourteen_points_met_partly_not_met() -> None:
    assert len(SERVICE_STANDARD.items) == 14
    assert [label.en for label in SERVICE_STANDARD.items[0].answers.labels] == [
        "Not met",
        "Partly met",
        "Met",
    ]
    assert SERVICE_STANDARD.items[11].text.en == "12. Make new source code open"


def test_competence_rates_twelve_areas_on_five_levels() -> None:
    assert len(COMPETENCE.items) == 12
    levels = [label.en.split(":")[0] for label in COMPETENCE.items[0].answers.labels]
    assert levels == ["Novice", "Competent", "Proficient", "Expert", "Master"]
    assert all(item.description is not None for item in COMPETENCE.items)


@pytest.mark.parametrize("inst", ALL_VERSIONS, ids=lambda i: i.code)
def test_every_item_has_both_languages_and_a_marked_translation(inst) -> None:  # type: ignore[no-untyped-def]
    assert inst.version and inst.translation_version
    assert inst.translation_status == PRELIMINARY
    assert "preliminär" in inst.translation_note("sv")
    for item in inst.items:
        assert item.text.en.strip() and item.text.sv.strip()
        assert item.text.en != item.text.sv or item.text.en.startswith(("1", "2"))
        assert all(label.sv and label.en for label in item.answers.labels)
    assert family_specs(inst)  # every family shares one answer scale


def test_no_dimios_questions_are_held() -> None:
    assert not any("dimios" in inst.code for inst in ALL_VERSIONS)


def test_instruments_are_found_by_code_and_version() -> None:
    assert instrument("westrum") is WESTRUM
    assert instrument("westrum", "dora-2024") is WESTRUM
    with pytest.raises(NotFound):
        instrument("westrum", "1999")
    with pytest.raises(NotFound):
        instrument("dimios")
